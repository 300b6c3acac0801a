package org.sijill.linkage;

/** The time since the start and since the previous step, for the progress lines (issue 19). */
final class Laps {
  private final long start;
  private long last;

  Laps(long start) {
    this.start = start;
    this.last = start;
  }

  /** "at 5.3 s, step 1.8 s": seconds since the start, and since the last call. */
  String lap() {
    long now = System.nanoTime();
    String s =
        String.format(
            java.util.Locale.ROOT,
            "at %.2f s, step %.2f s",
            (now - start) / 1e9,
            (now - last) / 1e9);
    last = now;
    return s;
  }
}
