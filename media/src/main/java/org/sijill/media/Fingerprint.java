package org.sijill.media;

import java.nio.file.Path;
import java.util.List;

/** What we keep of an image or video to recognise it later: PDQ hashes of its picture(s). */
public sealed interface Fingerprint permits ImageFingerprint, VideoFingerprint {
  Path file();

  /** The hashes to match: one for an image, the reliable sampled frames for a video. */
  List<FrameHash> frames();
}
