#!/usr/bin/env bash
# Load test of the web app and API (issue 16 item 6). Usage:
#   bench/load.sh [PERSONS EVIDENCE]     default 100000 persons' lists, 10000 evidence items
# Environment: USERS (default "10 50 200"), SECONDS_PER_RUN (default 60), THINK_MS between a
# user's requests (default 1000), WORK (default: a temporary folder; a prepared case in it is
# reused), SIJILL_DB (an organisation's PostgreSQL instead of the embedded one).
# Preparing the case runs under `eatmydata` when it is installed (Debian package eatmydata): the
# throwaway case's fsyncs are skipped, which makes storing 10,000 scenes minutes instead of hours on
# a busy disk. The server itself never runs under it, so the measured requests pay every fsync.
# Prints, per number of users, p50/p99/max per route and the errors. Assessments are recorded only
# on untouched items (verification queue "new"), each by one analyst, so the workflow allows every
# one even in a case reused from earlier runs: a 409 refusal fails the run (exit status 1), which
# makes a short run on a small case a check of that, e.g.
#   PERSONS/EVIDENCE 2000 200, USERS=10 SECONDS_PER_RUN=20 bench/load.sh 2000 200
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
persons="${1:-100000}"
evidence="${2:-10000}"
jar="$here/bench/target/sijill-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$here" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am) >&2
fi
"$here/sijill" --version >/dev/null # builds the runnable jar when stale
sijill() { "${fast[@]}" java ${SIJILL_JAVA_OPTS:-} -jar "$here/cli/target/sijill.jar" "$@"; }
work="${WORK:-$(mktemp -d)}"
fast=()
command -v eatmydata >/dev/null && fast=(eatmydata)
data="$work/data"
mkdir -p "$work"
bench() { java -cp "$jar" "org.sijill.bench.load.$1" "${@:2}"; }

if [ ! -f "$work/prepared" ]; then
  t0=$(date +%s)
  sijill generate lists --out "$work/lists" --seed 16 --persons "$persons" >&2
  for f in "$work"/lists/*.csv; do
    case "$(basename "$f")" in truth*|*truth*) continue ;; esac
    head -1 "$f" | grep -q full_name || continue
    sijill --data "$data" import-list --source "$(basename "$f" .csv)" "$f" >&2
  done
  bench Prepare images "$work/images" "$evidence" 16
  find "$work/images" -name '*.png' | sort | xargs -n 500 "${fast[@]}" bash -c \
    'java -jar "$0" --data "$1" vault add --source "field team" "${@:2}" >/dev/null' \
    "$here/cli/target/sijill.jar" "$data"
  : >"$work/tokens"
  for i in $(seq 1 10); do
    echo "a synthetic password $i" | sijill --data "$data" user add "analyst-$i" --role analyst --password-stdin >&2
    sijill --data "$data" token create "analyst-$i" >>"$work/tokens"
  done
  bench Prepare queries "$work/queries.txt" 400 $(ls "$work"/lists/*.csv | grep -v truth)
  echo "prepared in $(( $(date +%s) - t0 )) s: $(wc -l <"$work/queries.txt") search terms" >&2
  touch "$work/prepared"
fi

log="$work/serve.log"
java ${SIJILL_JAVA_OPTS:-} -jar "$here/cli/target/sijill.jar" --data "$data" serve --port 0 >"$log" 2>&1 &
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
echo "case: $persons persons' lists, $evidence evidence items; serve at $url; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for users in ${USERS:-10 50 200}; do
  bench LoadBench "$url" "$work/tokens" "$work/queries.txt" "$users" "${SECONDS_PER_RUN:-60}" "${THINK_MS:-1000}"
  echo "load average after $users users: $(cut -d' ' -f1-3 /proc/loadavg)"
done
