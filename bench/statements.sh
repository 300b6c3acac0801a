#!/usr/bin/env bash
# Database statements per request, per route of the load test (issue 16 item 6): serves a copy of a
# case prepared by bench/load.sh with Java Flight Recorder on, sends each route 10 times with an
# analyst's API token (after one warm-up visit), and counts JDBI's `jdbi.statement` events between
# routes. Load-independent, unlike the latencies: each statement is a round trip to PostgreSQL.
#   WORK=/path/of/a/prepared/load/case bench/statements.sh [JAR]     JAR: default cli/target/sijill.jar
# Give an older build's jar to compare.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${1:-$here/cli/target/sijill.jar}"
[ -f "${WORK:?WORK must name a case prepared by bench/load.sh}/prepared" ] || { echo "$WORK: not a prepared case" >&2; exit 1; }
copy="$(mktemp -d)"
cp -a "$WORK/data" "$copy/data"
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$copy"' EXIT
token="$(head -1 "$WORK/tokens")"
java -XX:StartFlightRecording=name=statements,settings=default -jar "$jar" --data "$copy/data" serve --port 0 >"$copy/serve.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$copy/serve.log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || { cat "$copy/serve.log" >&2; exit 1; }
  sleep 0.5
done
get() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$1"; }
id="$(curl -s -H "Authorization: Bearer $token" "${url}api/evidence?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
# The first query term in Latin letters and the first in Arabic script, URL-encoded.
term() {
  python3 -c 'import sys, urllib.parse
arabic = sys.argv[1] == "arabic"
for line in open(sys.argv[2], encoding="utf-8"):
    t = line.strip()
    if t and any("\u0600" <= c <= "\u06ff" for c in t) == arabic:
        print(urllib.parse.quote(t)); break' "$1" "$WORK/queries.txt"
}
latin="$(term latin)"
arabic="$(term arabic)"
routes=("" "victims?q=$arabic" "victims?q=$latin" "api/victims?q=$arabic" "api/victims?q=$latin" evidence "evidence/$id" "api/evidence/$id" incidents "api/evidence?page=1")
for r in "${routes[@]}"; do get "$r" >/dev/null; done
echo "$(basename "$jar") ($jar), evidence item $id:"
before=0
n=0
for r in "${routes[@]}"; do
  for _ in $(seq 1 10); do code="$(get "$r")"; done
  n=$((n + 1))
  jcmd $pid JFR.dump name=statements filename="$copy/d$n.jfr" >/dev/null
  count="$(jfr print --events jdbi.statement "$copy/d$n.jfr" | grep -c '^jdbi.statement' || true)"
  printf '  GET /%-40s %5.1f statements per request (HTTP %s)\n' "${r:0:40}" "$(echo "($count - $before) / 10" | bc -l)" "$code"
  before=$count
done
