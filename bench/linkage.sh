#!/usr/bin/env bash
# Linkage benchmarks (issue 3): FEBRL4 link, FEBRL3 dedupe, synthetic Arabic/Latin lists, scaling.
# Prints precision/recall/F1 over record pairs (pairs implied by the clusters), blocking recall,
# clusters vs true persons, wall time, process CPU time and peak heap. Results go in
# docs/BENCHMARKS.md under "## linkage".
#
#   bench/linkage.sh febrl [FEBRL_DIR]      FEBRL4 (link) and FEBRL3 (dedupe); default /work/shared/data/febrl
#   bench/linkage.sh tune [FEBRL_DIR]       FEBRL1 and FEBRL2 (dedupe), the sets used for tuning
#   bench/linkage.sh synthetic [N] [SEED]   three synthetic lists, ~N records (default 10000, seed 42)
#   bench/linkage.sh scale [N ...]          synthetic scaling run (default 100000 300000 1000000)
#
# JAVA_OPTS (default -Xmx8g) sets the heap; the scaling goal is 1M records in <= 120 s with <= 8 GB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/sijill-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/linkage/src/main" "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$here" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am) >&2
fi
run() { java ${JAVA_OPTS:--Xmx8g} -cp "$jar" org.sijill.bench.linkage.LinkageBench "$@"; }
what="${1:-febrl}"
febrl="${2:-/work/shared/data/febrl}"
case "$what" in
  febrl) run febrl4 "$febrl"; run febrl3 "$febrl" ;;
  tune) run febrl "$febrl" dataset1.csv; run febrl "$febrl" dataset2.csv ;;
  synthetic) run synthetic "${2:-10000}" "${3:-42}" ;;
  scale) shift; run scale "${@:-100000 300000 1000000}" ;;
  *) echo "usage: bench/linkage.sh febrl|tune [DIR] | synthetic [N] [SEED] | scale [N ...]" >&2; exit 2 ;;
esac
