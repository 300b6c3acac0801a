#!/usr/bin/env bash
# LCMCR speed against R's LCMCR package in the same run (issue 15 goal: Sijill >= 2x R's sweeps
# per second). Interleaves ROUNDS runs of each, one chain on Kosovo with K = 10, 1,000,000 timed
# sweeps, and compares CPU time (user + system), which a busy shared machine distorts far less than
# the wall clock. Needs Rscript and the LCMCR package (R_LIBS=DIR if it is not in R's library);
# neither the build nor CI needs R.
#   bench/lcmcr-vs-r.sh [ROUNDS]          default 3
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/sijill-bench.jar"
data="$here/estimate/src/test/resources/mse"
rounds="${1:-3}"
if ! Rscript -e 'suppressMessages(library(LCMCR))' >/dev/null 2>&1; then
  echo "R's LCMCR package is not installed (set R_LIBS to its library): nothing to compare" >&2
  exit 2
fi
if [ ! -f "$jar" ] || [ -n "$(find "$here/estimate/src/main" "$here/bench/src/main" -newer "$jar" -type f -print -quit)" ]; then
  (cd "$here" && mvn -B -q -o -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am) >&2
fi
for i in $(seq 1 "$rounds"); do
  Rscript - "$data/kosovo_1999.csv" "$i" <<'R'
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(LCMCR))
X <- read.csv(args[1]); s <- as.integer(args[2])
ind <- X[rep(seq_len(nrow(X)), X$count), 1:4]
df <- as.data.frame(lapply(ind, factor, levels = 0:1))
o <- lcmCR(df, tabular = FALSE, K = 10, a_alpha = 0.25, b_alpha = 0.25, seed = s, verbose = FALSE)
o$Update(200000, FALSE)
t0 <- proc.time(); o$Update(1000000, FALSE); d <- proc.time() - t0
cat(sprintf("R LCMCR kosovo K=10 seed %d: %s sweeps per CPU-second (%s per wall-second)\n", s,
            format(round(1e6 / (d[[1]] + d[[2]])), big.mark = ","),
            format(round(1e6 / d[[3]]), big.mark = ",")))
R
  java -cp "$jar" org.sijill.bench.estimate.EstimateBench rate "$data" "$((1000 + i))"
done
