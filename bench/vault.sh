#!/usr/bin/env bash
# Vault benchmarks (issue 5). Usage:
#   bench/vault.sh ingest [COUNT SIZE_MB ROUNDS]   ingest throughput vs sha256sum on the same files
#   bench/vault.sh log [ENTRIES SINGLES PROOFS]     log append rate; proof time at ENTRIES (default 1M)
#   bench/vault.sh crash [KILLS]                    kill -9 during ingest KILLS times (default 100)
#   bench/vault.sh all
# WORK (default: a temporary folder) holds the files; results print on stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/sijill-bench.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/vault/src/main" "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$here" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true install -pl bench -am) >&2
fi
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
run() { java -Xmx2g -cp "$jar" "org.sijill.bench.vault.$1" "$work" "${@:2}"; }
what="${1:-all}"; shift || true
case "$what" in
  ingest) run IngestBench "$@" ;;
  log) run LogBench "$@" ;;
  crash) run CrashBench "$@" ;;
  all) run IngestBench; run LogBench; run CrashBench ;;
  *) echo "usage: bench/vault.sh ingest|log|crash|all [args]" >&2; exit 2 ;;
esac
