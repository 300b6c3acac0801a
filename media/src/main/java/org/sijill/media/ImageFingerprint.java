package org.sijill.media;

import java.nio.file.Path;
import java.util.List;
import org.sijill.media.pdq.ImageHash;

/** The fingerprint of a still image. */
public record ImageFingerprint(Path file, ImageHash image) implements Fingerprint {
  @Override
  public List<FrameHash> frames() {
    return List.of(new FrameHash(0, image, false));
  }
}
