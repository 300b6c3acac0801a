package org.sijill.linkage.internal;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Progress from inside a long stage of a run ("comparing candidate pairs: 1,200,000 of
 * 10,678,935"), passed on at most once per interval so that a listener far away (the desk polling a
 * background job) sees the run move without being flooded. Call {@link #accept} from one thread.
 */
public final class Ticker implements LongConsumer {
  private final Consumer<String> out;
  private final String what;
  private final long total;
  private final long intervalNanos;
  private long last;

  public Ticker(Consumer<String> out, String what, long total, long intervalNanos) {
    this.out = out;
    this.what = what;
    this.total = total;
    this.intervalNanos = intervalNanos;
    this.last = System.nanoTime();
  }

  /**
   * Reports {@code done} units (of {@code total}, or of an unknown total when negative) when the
   * interval has passed since the last report.
   */
  @Override
  public void accept(long done) {
    long now = System.nanoTime();
    if (now - last >= intervalNanos) {
      last = now;
      out.accept(
          total < 0
              ? String.format("%s: %,d", what, done)
              : String.format("%s: %,d of %,d", what, done, total));
    }
  }
}
