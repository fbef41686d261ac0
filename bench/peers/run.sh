#!/usr/bin/env bash
# Scores the peer benchmark's national dataset with chitieu, beside the peer engines, in one harness run.
#
#   bench/peers/run.sh HARNESS_DIR                # the harness folder (RESULTS.md, bench.py, gen.py, …)
#   RUNS=3 ENGINES=cel,zen-batch,cxx-floor CHITIEU=build/bin/chitieu bench/peers/run.sh HARNESS_DIR
#
# The harness is copied to a scratch folder first (it may be read-only, and its run writes data/,
# node_modules/ and results/). Then: the dataset (gen.py), the submission (to_submission.py), the native
# rules of the peers, the C++ floor, and bench.py with two chitieu engines:
#   chitieu        `chitieu score … --format json` piped into summary.py, which prints the harness's
#                  result line (pass counts per rule, digest), so the harness checks agreement;
#   chitieu-score  the same `chitieu score` with its output thrown away: wall time and peak RSS of
#                  chitieu alone.
#   chitieu-batch  `chitieu batch` on the same data as NDJSON, one province a line
#                  (to_submission.py --per-province), its scorecards thrown away: the shape a national
#                  run takes (docs/scale.md).
#   chitieu-results  `chitieu score … --format json --detail results` piped into summary.py: each unit's
#                  verdicts as flat rows, no evidence, which is what the peers compute; the harness
#                  checks its agreement too (its time is mostly summary.py's);
#   chitieu-rows   the same `chitieu score … --detail results` with its output thrown away: chitieu's
#                  wall time and peak RSS for the peers' work.
#   chitieu-compact  the same with `--compact`: the rows on one line, as a program reading them would ask.
# The harness exits 1 when the engines disagree on any rule count or on the per-unit digest; so does this
# script. Results are left in the scratch folder, whose path is printed; KEEP=0 removes it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
harness=${1:?usage: run.sh HARNESS_DIR}
harness=$(cd "$harness" && pwd)
chitieu=${CHITIEU:-$root/build/bin/chitieu}
[ -x "$chitieu" ] || { echo "run.sh: no chitieu at $chitieu (build it, or set CHITIEU)" >&2; exit 1; }
chitieu=$(cd "$(dirname "$chitieu")" && pwd)/$(basename "$chitieu")
RUNS=${RUNS:-3}
ENGINES=${ENGINES:-cel,zen-batch,cxx-floor}
TIMEOUT=${TIMEOUT:-1200}   # seconds per engine run; chitieu needs far more than the harness's 300 s
AS_OF=2026-12-31           # the submission's values are for 2026 (to_submission.py --year)

scratch=$(mktemp -d)
cleanup() { [ "${KEEP:-1}" = 1 ] || rm -rf "$scratch"; }
trap cleanup EXIT
cp -r "$harness" "$scratch/peers"
rm -rf "$scratch/peers/results" "$scratch/peers/data" "$scratch/peers/build"
cd "$scratch/peers"
echo "== scratch: $scratch/peers"

echo "== peers (npm, exact versions of the harness's package-lock.json)"
if [ ! -d node_modules/@marcbachmann/cel-js ] || [ ! -d node_modules/@gorules/zen-engine ]; then
  timeout 600 npm install --no-audit --no-fund
fi
echo "== dataset"
timeout 300 python3 gen.py --out data/national.ndjson
echo "== submission"
timeout 300 python3 "$here/to_submission.py" data/national.ndjson data/national.json --year 2026
timeout 300 python3 "$here/to_submission.py" data/national.ndjson data/provinces.ndjson --year 2026 --per-province
echo "== native rules of the peers"
timeout 120 node emit_rules.mjs rules
if [[ ",$ENGINES," == *",cxx-floor,"* ]]; then
  echo "== C++ floor"
  mkdir -p build
  timeout 600 g++ -O2 -std=c++17 -Wall -Wextra floor.cpp -lsimdjson -o build/floor
fi
echo "== rules"
"$chitieu" check "$here/peers.ct"

score="$chitieu score $here/peers.ct --data data/national.json --as-of $AS_OF --format json"
echo "== benchmark ($RUNS runs per engine; load: $(cut -d' ' -f1-3 /proc/loadavg))"
set +e
timeout $((TIMEOUT * RUNS * 6 + 600)) python3 bench.py --runs "$RUNS" --timeout "$TIMEOUT" --data data/national.ndjson \
  --only "$ENGINES,chitieu,chitieu-score,chitieu-batch,chitieu-results,chitieu-rows,chitieu-compact" \
  --engine "chitieu=$score | python3 $here/summary.py - --rules rules.mjs" \
  --engine "chitieu-results=$score --detail results | python3 $here/summary.py - --rules rules.mjs" \
  --engine "chitieu-rows=$score --detail results > /dev/null; test \$? -le 2" \
  --engine "chitieu-compact=$score --detail results --compact > /dev/null; test \$? -le 2" \
  --engine "chitieu-score=$score > /dev/null; test \$? -le 2" \
  --engine "chitieu-batch=$chitieu batch $here/peers.ct --data data/provinces.ndjson --as-of $AS_OF > /dev/null"
status=$?
set -e
echo "== load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== results: $scratch/peers/results/summary.md"
exit $status
