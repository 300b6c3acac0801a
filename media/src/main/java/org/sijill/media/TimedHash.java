package org.sijill.media;

import java.util.List;

/** A stored frame hash (and its centre-crop hashes) at a time: the other side of a comparison. */
record TimedHash(double seconds, PdqHash hash, List<PdqHash> crops) {
  static List<TimedHash> of(List<FrameHash> frames) {
    return frames.stream()
        .map(f -> new TimedHash(f.seconds(), f.hash(), f.image().crops()))
        .toList();
  }
}
