package org.sijill.cli;

import java.io.PrintWriter;
import org.sijill.workflow.ProgressListener;

/**
 * A workflow's progress as a line on stderr, at most once a second and only once the work has run
 * for a second, so quick commands print nothing extra and scripts reading stdout are unaffected.
 */
final class ProgressOnStderr implements ProgressListener {
  private static final long EVERY_NANOS = 1_000_000_000L;
  private final PrintWriter err;
  private final String command;
  private long last;
  private boolean started;

  private ProgressOnStderr(PrintWriter err, String command) {
    this.err = err;
    this.command = command;
  }

  static ProgressListener on(PrintWriter err, String command) {
    return new ProgressOnStderr(err, command);
  }

  @Override
  public synchronized void progress(String step, long done, long total) {
    long now = System.nanoTime();
    if (!started) {
      // The clock starts with the work, not with the command (opening the database is not it).
      started = true;
      last = now;
      return;
    }
    if (now - last < EVERY_NANOS) {
      return;
    }
    last = now;
    err.printf(total >= 0 ? "%s: %s %,d of %,d%n" : "%s: %s %,d%n", command, step, done, total);
    err.flush();
  }
}
