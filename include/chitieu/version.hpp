/// @file
/// The library's version.
#pragma once
#define CHITIEU_VERSION_STRING "0.1.0"
