#!/usr/bin/env bash
# A linkage run of ~100k records started the way the desk's Linking page starts it (issue 14): the
# same background job through the API, watched as the page watches it. Usage:
#   bench/desk-link.sh [PERSONS]          default 80000 simulated people (~100k records in 3 lists)
# Generates the lists with --truth-column (so the run is scored against the truth), imports them
# into a new case under WORK (default: a temporary folder), adds an analyst with an API token,
# starts `sijill serve` (SIJILL_JAVA_OPTS: its JVM options; SIJILL_JAR: the runnable jar to use,
# default cli/target/sijill.jar, built when stale), then runs bench/desk/LinkJob.java: every change of step or progress with
# its time, the wall time, the longest gap between updates, and the stored run's diagnostics.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
persons="${1:-80000}"
if [ -z "${SIJILL_JAR:-}" ]; then
  "$here/sijill" --version >/dev/null # builds the runnable jar when stale
fi
jar="${SIJILL_JAR:-$here/cli/target/sijill.jar}" # SIJILL_JAR: a copy, safe from a build meanwhile
sijill() { java ${SIJILL_JAVA_OPTS:-} -jar "$jar" "$@"; }
work="${WORK:-$(mktemp -d)}"
data="$work/data"
mkdir -p "$work"
if [ ! -f "$work/prepared" ]; then
  sijill generate lists --out "$work/lists" --seed 14 --persons "$persons" --truth-column >&2
  for f in "$work"/lists/list-*.csv; do
    sijill --data "$data" import-list --source "$(basename "$f" .csv)" "$f" >&2
  done
  echo "a synthetic password for the bench" | sijill --data "$data" user add bench-analyst --role analyst --password-stdin >&2
  sijill --data "$data" token create bench-analyst | tr -d "[:space:]" >"$work/token"
  touch "$work/prepared"
fi
log="$work/serve.log"
java ${SIJILL_JAVA_OPTS:-} -jar "$jar" --data "$data" serve --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "serve did not start" >&2; cat "$log" >&2; exit 1; }
echo "case: lists of $persons simulated people; serve at $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java "$here/bench/desk/LinkJob.java" "$url" "$(cat "$work/token")"
