#!/usr/bin/env bash
# Linkage speed against the peers (issue 19): Sijill, JedAI 3.1 and Duke 1.2 on FEBRL4 (link 5k x 5k)
# and FEBRL3 (dedupe 5k), each run a whole process (JVM start, reading, linking, writing clusters),
# interleaved over ROUNDS rounds so that the load of the shared machine falls on every tool alike.
# Every tool writes CLUSTERS.csv (cluster_id,source,record_id); one scorer (bench/peers Score) gives
# pairwise precision, recall and F1 of the pairs the clusters imply; in link mode only cross-file pairs.
# Prints one line per run, then the medians and Sijill's ratio to each peer (< 1: Sijill is faster).
#
#   bench/peers.sh [ROUNDS] [FEBRL_DIR]      default 5 rounds, /work/shared/data/febrl
#
# Opt-in: needs Maven Central once (JedAI, Duke and their dependencies, built by bench/peers/pom.xml,
# a separate build that never joins the default one). Sijill runs through ./sijill, the launcher users run.
# Peer configurations (thresholds picked while looking at the truth, so the peers' F1 is optimistic):
#   JedAI  token blocking, block filtering, Cardinality Node Pruning, character-3-gram TF-IDF cosine;
#          FEBRL4 unique-mapping clustering at 0.1 (assumes one-to-one links, true of FEBRL4) and, for
#          reference, connected components at 0.5 (no assumption); FEBRL3 connected components at 0.5.
#   Duke   Lucene lookup on name, postcode, date of birth and social security id (no fuzzy search),
#          two threads; given name + surname and address_1 + address_2 as one sorted field each (FEBRL
#          swaps them); FEBRL4 best single match (--singlematch) at 0.6, FEBRL3 transitive closure at 0.85.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
febrl="${2:-/work/shared/data/febrl}"
peers="$here/bench/peers"
if [ ! -f "$peers/target/classpath.txt" ] || [ -n "$(find "$peers/src" "$peers/pom.xml" -newer "$peers/target/classpath.txt" -type f -print -quit)" ]; then
  (cd "$peers" && mvn -B -q package) >&2
fi
cp="$peers/target/classes:$(cat "$peers/target/classpath.txt")"
# builds the jar when stale and prepares its start-up archive (AppCDS), outside the timed runs
"$here/sijill" link --help >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$work/results"

# run NAME DATA MODE COMMAND...: times the command (wall seconds, and CPU seconds user + system of
# the process: on a loaded machine CPU time says more), scores its clusters, prints a line.
run() {
  local name="$1" data="$2" mode="$3"
  shift 3
  local out="$work/clusters.csv"
  rm -f "$out"
  local TIMEFORMAT="%R %U %S" status=0
  { time "$@" >"$work/log" 2>&1 || status=$?; } 2>"$work/time"
  if [ "$status" -ne 0 ]; then
    cat "$work/log" >&2
    echo "$name failed" >&2
    exit 1
  fi
  local wall user sys score
  read -r wall user sys <"$work/time"
  score=$(java -cp "$cp" org.sijill.bench.peers.Score "$mode" "$out")
  echo "$data $name $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $score" |
    tee -a "$results"
}

sijill() { "$here/sijill" link --settings "$peers/febrl-settings.json" --out "$work/clusters.csv" "$@"; }
jedai() { java ${PEER_JAVA_OPTS:-} -cp "$cp" org.sijill.bench.peers.JedaiRun "$1" "$2" "$3" "$work/clusters.csv" "${@:4}"; }
duke() { java ${PEER_JAVA_OPTS:-} -cp "$cp" org.sijill.bench.peers.DukeRun "$1" "$2" "$work/clusters.csv" "${@:3}"; }

a="$febrl/dataset4a.csv"
b="$febrl/dataset4b.csv"
d3="$febrl/dataset3.csv"
echo "# $(date -u '+%F %T UTC'), $(nproc) cores, load:$(uptime | sed 's/.*load average://')"
echo "# data tool wall_s cpu_s P R F1 clusters"
for ((i = 1; i <= rounds; i++)); do
  # the order rotates each round so that no tool always runs first or last
  order=(sijill jedai duke jedai-cc)
  for ((k = 0; k < ${#order[@]}; k++)); do
    tool="${order[$(((k + i) % ${#order[@]}))]}"
    case "$tool" in
      sijill) run sijill FEBRL4 link sijill --mode link "$a" "$b"
        run sijill FEBRL3 dedupe sijill --mode dedupe "$d3" ;;
      jedai) run jedai-unique FEBRL4 link jedai link unique 0.1 "$a" "$b"
        run jedai-cc FEBRL3 dedupe jedai dedupe cc 0.5 "$d3" ;;
      jedai-cc) run jedai-cc FEBRL4 link jedai link cc 0.5 "$a" "$b" ;;
      duke) run duke FEBRL4 link duke link 0.6 "$a" "$b"
        run duke FEBRL3 dedupe duke dedupe 0.85 "$d3" ;;
    esac
  done
done
echo "# load at the end:$(uptime | sed 's/.*load average://')"
echo "# medians over $rounds rounds; F1 of the last round (it does not change between rounds)"
echo "# sijill/peer < 1: Sijill took less"
awk '
  function median(arr, key, m,    i, j, x) {
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
      if (arr[key, j] < arr[key, i]) { x = arr[key, i]; arr[key, i] = arr[key, j]; arr[key, j] = x }
    return m % 2 ? arr[key, (m + 1) / 2] : (arr[key, m / 2] + arr[key, m / 2 + 1]) / 2
  }
  { key = $1 " " $2; n[key]++; w[key, n[key]] = $3; c[key, n[key]] = $4; f1[key] = $7 }
  END {
    for (k in n) { mw[k] = median(w, k, n[k]); mc[k] = median(c, k, n[k]) }
    split("FEBRL4 FEBRL3", ds, " ")
    for (d = 1; d <= 2; d++) {
      s = ds[d] " sijill"
      for (k in n) if (index(k, ds[d] " ") == 1)
        printf "%-20s wall %6.2f s  cpu %6.2f s  F1 %s%s\n", k, mw[k], mc[k], f1[k],
          k == s ? "" : sprintf("  sijill/peer wall %.2f cpu %.2f", mw[s] / mw[k], mc[s] / mc[k])
    }
  }' "$results" | sort
