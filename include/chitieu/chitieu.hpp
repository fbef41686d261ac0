// The whole public API: load and check rules, compile a plan, load a submission, evaluate, render.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/sema/check.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>
#include <chitieu/suggest.hpp>
#include <chitieu/warnings.hpp>
#include <chitieu/syntax/parse.hpp>
#include <chitieu/version.hpp>
