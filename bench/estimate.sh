#!/usr/bin/env bash
# Estimate benchmarks: speed (LCMCR sweeps/s on Kosovo K=10, 5-list log-linear search, dga on
# 5 lists) and the simulation study of coverage and bias. Results go in docs/BENCHMARKS.md
# (## estimate) and docs/estimation.md.
#   bench/estimate.sh speed [DATA_DIR]          default DATA_DIR: estimate/src/test/resources/mse
#   bench/estimate.sh simulate [REPLICATES] [SEED] [SCENARIOS]   default 100 replicates, seed 2026,
#       every scenario; SCENARIOS picks some by 1-based number (2,4 = the two heterogeneous ones)
#   bench/estimate.sh linkage [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST]
#       end to end with linkage error: generator -> link -> estimate, plain and combined over
#       replicates of the linkage (default 200 simulations, seed 2029, 2,000 people, 8 replicates);
#       FIRST (default 0) starts at that simulation number, so a long study can run in chunks
#       (simulation i is the same in every chunk: its seeds depend on SEED and i only);
#       JAVA_OPTS=-Dreview=K lets a simulated reviewer (the truth) decide the first K contested pairs
#       of each run, links again honouring them and calibrates the undecided pairs on them (as a
#       case's estimate does); add -Dcalibrate=false to keep the model's probabilities
#   bench/estimate.sh linkage-draws [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST]
#       the linkage study's replicates alone, no estimate: persons documented by the run, by the
#       replicates (mean) and in truth, and the contested pairs' probabilities against the truth
#   bench/estimate.sh linkage-null [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST]
#       the combining alone: the plain estimate beside one combined over REPLICATES copies of the
#       run's own clustering (default 10 simulations)
#       (default 20 simulations, seed 2029, 2,000 people, 8 replicates, from simulation 0)
#   bench/estimate.sh linkage-summary FILE...
#       the linkage study's summary from the per-simulation lines of one or more outputs (chunks,
#       or a run stopped early); a simulation printed twice counts once
#   bench/estimate.sh linkage-overhead [SEED] [POPULATION] [REPLICATES]
#       time of one default estimate with and without linkage replicates (goal: at most 3x)
#   bench/estimate.sh heterogeneity [REPLICATES] [SEED]
#       the capture-heterogeneity test alone on every scenario (no LCMCR: seconds): how often it
#       fires and how often the highest Mth upper bound lies below the truth (default 1000, seed 2042)
#   bench/estimate.sh lcmcr SCENARIO REPLICATES SEED [K BURN_IN SAMPLES THIN]
#       LCMCR alone on one scenario (1-based); omitted or 0 settings are the user-facing defaults
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/sijill-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/estimate/src/main" "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$here" && mvn -B -q -o -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am) >&2
fi
what="${1:-speed}"
case "$what" in
  speed) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench speed "${2:-$here/estimate/src/test/resources/mse}" ;;
  simulate) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench simulate "${2:-100}" "${3:-2026}" "${4:-}" ;;
  linkage) exec java ${JAVA_OPTS:-} -cp "$jar" org.sijill.bench.estimate.EstimateBench linkage "${2:-200}" "${3:-2029}" "${4:-2000}" "${5:-8}" "${6:-0}" ;;
  linkage-draws) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench linkage-draws "${2:-20}" "${3:-2029}" "${4:-2000}" "${5:-8}" "${6:-0}" ;;
  linkage-null) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench linkage-null "${2:-10}" "${3:-2029}" "${4:-2000}" "${5:-8}" "${6:-0}" ;;
  linkage-summary) shift; exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench linkage-summary "$@" ;;
  linkage-overhead) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench linkage-overhead "${2:-2030}" "${3:-2000}" "${4:-8}" ;;
  heterogeneity) exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench heterogeneity "${2:-1000}" "${3:-2042}" ;;
  lcmcr) shift; exec java -cp "$jar" org.sijill.bench.estimate.EstimateBench lcmcr "$@" ;;
  *) echo "usage: bench/estimate.sh speed [DATA_DIR] | simulate [REPLICATES] [SEED] [SCENARIOS] | linkage [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST] | linkage-draws [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST] | linkage-null [SIMULATIONS] [SEED] [POPULATION] [REPLICATES] [FIRST] | linkage-summary FILE... | linkage-overhead [SEED] [POPULATION] [REPLICATES] | heterogeneity [REPLICATES] [SEED] | lcmcr SCENARIO REPLICATES SEED [K BURN_IN SAMPLES THIN]" >&2; exit 2 ;;
esac
