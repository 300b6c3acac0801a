#!/usr/bin/env bash
# Media benchmarks (issue 6): PDQ speed (JMH), video fingerprinting speed, index latency at 1M and
# 10M hashes, recall/false-positive rate on a generated corpus. Results go in docs/BENCHMARKS.md
# under "## media".
#
#   bench/media.sh [pdq|video|index|corpus|all]   (default all)
#
# PDQ_IMAGE (default /work/shared/data/pdq/images/dih/bridge-1-original.jpg) is the 1600x1004
# bridge JPEG from facebook/ThreatExchange; CORPUS_N (default 30) the number of distinct videos.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/sijill-bench.jar"
what="${1:-all}"
image="${PDQ_IMAGE:-/work/shared/data/pdq/images/dih/bridge-1-original.jpg}"
(cd "$here" && mvn -B -q -Pbench -DskipTests -Dspotless.check.skip=true install -pl bench -am)

if [[ "$what" == pdq || "$what" == all ]]; then
  java -jar "$jar" 'org.sijill.bench.media.PdqBenchmark' -p image="$image" -rf text -rff /dev/null
fi
if [[ "$what" == video || "$what" == all ]]; then
  java -cp "$jar" org.sijill.bench.media.VideoSpeed 60 3
fi
if [[ "$what" == index || "$what" == all ]]; then
  java -Xmx2g -cp "$jar" org.sijill.bench.media.IndexBench 1000000 2000 200
  java -Xmx8g -cp "$jar" org.sijill.bench.media.IndexBench 10000000 2000 50
fi
if [[ "$what" == corpus || "$what" == all ]]; then
  java -cp "$jar" org.sijill.bench.media.CorpusEval "${CORPUS_N:-30}"
fi
