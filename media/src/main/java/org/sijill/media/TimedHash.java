package org.sijill.media;

/** A stored frame hash at a time: the "other side" of a comparison. */
record TimedHash(double seconds, PdqHash hash) {
  static java.util.List<TimedHash> of(java.util.List<FrameHash> frames) {
    return frames.stream().map(f -> new TimedHash(f.seconds(), f.hash())).toList();
  }
}
