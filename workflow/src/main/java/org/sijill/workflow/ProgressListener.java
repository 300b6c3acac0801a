package org.sijill.workflow;

/**
 * Where a long use case reports how far it has come. The CLI draws a line on stderr; the web app
 * keeps the latest value for a progress view. Implementations must be cheap and thread-safe: a use
 * case may call them from a worker thread, many times a second.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Nobody is listening. */
  ProgressListener NONE = (step, done, total) -> {};

  /**
   * @param step what is being done, in words ("reading list-a.csv", "comparing pairs")
   * @param done units finished so far
   * @param total units in all, or {@code -1} when not known
   */
  void progress(String step, long done, long total);
}
