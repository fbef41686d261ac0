/// @file
/// The public API of an embedding application: load and check rules, compile a plan, load a submission,
/// evaluate (whole, or one unit at a time, or as flat result rows), render. It includes neither the JSON
/// library (only its forward declarations) nor the parser's Spirit headers: an application that parses
/// rule text itself includes <chitieu/syntax/parse.hpp> and <chitieu/sema/check.hpp>.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/eval/results.hpp>
#include <chitieu/language.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/diff.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>
#include <chitieu/suggest.hpp>
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/keywords.hpp>
#include <chitieu/version.hpp>
#include <chitieu/warnings.hpp>
