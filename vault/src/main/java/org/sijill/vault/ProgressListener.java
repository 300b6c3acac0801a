package org.sijill.vault;

/** Told how far a long task has gone, e.g. to print progress on stderr. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total, what) -> {};

  void progress(long done, long total, String what);
}
