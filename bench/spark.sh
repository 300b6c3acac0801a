#!/usr/bin/env bash
# Spark engine scaling (issue 16 item 3): `sijill link --engine spark --master local[2]` against the
# single-machine engine on generated lists (seed 42): the one-week scenario of `sijill generate lists`,
# or with SCENARIO=country the countrywide one (2011-2024, forty towns; LinkageBench's -Dscenario=country).
# Per size: records, candidate pairs, wall time of each engine, the Spark JVM's CPU time (user +
# system: on a shared machine the measure of work that the load does not stretch), Spark's shuffle
# (bytes written and read), the JVM's peak heap and peak resident memory (in local mode driver and executor are one
# JVM: that is the memory of the one executor), and whether clusters and pairs are byte-identical.
#
#   bench/spark.sh [RECORDS ...]      default: 100000 1000000
#
# HEAP (default 12g) is the -Xmx of both runs; MASTER (default local[2]); PARTITIONS the Spark
# engine's shuffle partitions (default 4 per core); BENCH_DIR keeps the files
# (default: a temporary folder, removed afterwards); SPARK_ONLY=1 skips the single-machine run (and
# the comparison); SCENARIO week (default) or country: `sijill generate lists` writes only the
# one-week lists, so the countrywide lists come from the bench jar (org.sijill.bench.linkage.WriteLists,
# built with -Pbench if missing) beside the settings.json of `sijill generate lists` (the same
# victim-list settings for both). Results go in docs/BENCHMARKS.md, "## spark".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sij="$here/sijill"
heap="${HEAP:-12g}"
master="${MASTER:-local[2]}"
work="${BENCH_DIR:-}"
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
scenario="${SCENARIO:-week}"
case "$scenario" in
  week) ;;
  country)
    jar="$here/bench/target/sijill-bench.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$here/linkage/src/main" "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
      (cd "$here" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am) >&2
    fi ;;
  *) echo "SCENARIO must be week or country" >&2; exit 2 ;;
esac
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

echo "scenario: $scenario"
printf '| records | candidates | single-machine | spark %s | spark CPU | shuffle written / read | peak heap | peak RSS | same answer |\n' "$master"
printf '|---|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  d="$work/$n"
  mkdir -p "$d"
  # 1.24 records per simulated person who died (the generator's capture rates)
  persons=$(( n * 100 / 124 ))
  if [ "$scenario" = week ]; then
    "$sij" generate lists --out "$d/lists" --persons "$persons" --seed 42 --force >/dev/null
  else
    # settings.json (and README) from a tiny one-week run; then the countrywide lists over its lists
    "$sij" generate lists --out "$d/lists" --persons 10 --seed 42 --force >/dev/null
    rm -f "$d"/lists/list-*.csv
    java -cp "$jar" org.sijill.bench.linkage.WriteLists "$d/lists" "$persons" 42 country >/dev/null
  fi
  inputs=("$d"/lists/list-*.csv)
  if [ -z "${SPARK_ONLY:-}" ]; then
    SIJILL_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%e %M" -o "$d/local.time" \
      "$sij" link --settings "$d/lists/settings.json" --out "$d/local.csv" --pairs "$d/local-pairs.csv" \
      "${inputs[@]}" 2>"$d/local.log" >/dev/null
  else
    echo "- -" >"$d/local.time"
    : >"$d/local.log"
  fi
  SIJILL_JAVA_OPTS="-Xmx$heap${PARTITIONS:+ -Dsijill.spark.partitions=$PARTITIONS}" \
    /usr/bin/time -f "%e %M %U %S" -o "$d/spark.time" \
    "$sij" link --engine spark --master "$master" --settings "$d/lists/settings.json" \
    --out "$d/spark.csv" --pairs "$d/spark-pairs.csv" "${inputs[@]}" 2>"$d/spark.log" >/dev/null
  records=$(grep -o 'prepared [0-9,]* records' "$d/spark.log" | grep -o '[0-9,]*' | head -1)
  cands=$(grep -o '^link: [0-9,]* candidate pairs' "$d/spark.log" | grep -o '[0-9,]*' | head -1)
  shuffle=$(grep -o 'shuffle [0-9,.]* MB written, [0-9,.]* MB read' "$d/spark.log" | sed 's/shuffle //; s/ written,/ \//; s/ read//')
  heapmb=$(grep -o 'peak heap [0-9,]* MB' "$d/spark.log" | grep -o '[0-9,]* MB')
  read -r lt _ <"$d/local.time"
  read -r st srss su ss <"$d/spark.time"
  same=no
  [ -n "${SPARK_ONLY:-}" ] && same="not compared"
  if cmp -s "$d/local.csv" "$d/spark.csv" && cmp -s "$d/local-pairs.csv" "$d/spark-pairs.csv"; then
    same="yes (byte-identical)"
  fi
  printf '| %s | %s | %s s | %s s | %s s | %s | %s | %s MB | %s |\n' \
    "$records" "$cands" "$lt" "$st" "$(echo "$su + $ss" | bc)" "$shuffle" "$heapmb" "$((srss / 1024))" "$same"
done
