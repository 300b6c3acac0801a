package org.sijill.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on stderr, at most a few lines a second so that logs stay readable; quiet
 * for work too small to need it.
 */
final class Progress {
  private static final long MIN_TOTAL = 5_000;
  private final PrintWriter err;
  private final String what;
  private final long total;
  private long lastPrinted;

  Progress(PrintWriter err, String what, long total) {
    this.err = err;
    this.what = what;
    this.total = total;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (total >= MIN_TOTAL && now - lastPrinted > 500_000_000L) {
      lastPrinted = now;
      err.printf("%s: %,d of %,d (%d%%)%n", what, done, total, done * 100 / Math.max(1, total));
      err.flush();
    }
  }

  void done() {
    if (total >= MIN_TOTAL) {
      err.printf("%s: %,d of %,d (100%%)%n", what, total, total);
      err.flush();
    }
  }
}
