package org.sijill.media.internal;

import java.util.List;
import org.sijill.media.FrameHash;
import org.sijill.media.pdq.PdqHash;

/** A stored frame hash (and its centre-crop hashes) at a time: the other side of a comparison. */
public record TimedHash(double seconds, PdqHash hash, List<PdqHash> crops) {
  public static List<TimedHash> of(List<FrameHash> frames) {
    return frames.stream()
        .map(f -> new TimedHash(f.seconds(), f.hash(), f.image().crops()))
        .toList();
  }
}
