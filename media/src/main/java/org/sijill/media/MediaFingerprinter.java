package org.sijill.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.sijill.media.internal.Matcher;
import org.sijill.media.internal.TimedHash;
import org.sijill.media.pdq.PdqHasher;
import org.sijill.media.video.VideoFingerprinter;

/**
 * The front door: fingerprints any image or video file and compares fingerprints. Images are
 * whatever javax.imageio decodes (JPEG, PNG, GIF, BMP, TIFF); everything else is handed to FFmpeg
 * as a video. Not thread-safe; use one per thread.
 */
public final class MediaFingerprinter {
  private final PdqHasher images;
  private final VideoFingerprinter videos;

  public MediaFingerprinter() {
    this(MediaLimits.DEFAULT);
  }

  public MediaFingerprinter(MediaLimits limits) {
    this.images = new PdqHasher(limits);
    this.videos = new VideoFingerprinter(limits);
  }

  /**
   * @throws MediaException naming the file when it is missing, empty, corrupt, truncated, too
   *     large, or neither an image nor a video we decode
   */
  public Fingerprint fingerprint(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(file, "no such file");
    }
    return isImage(file)
        ? new ImageFingerprint(file, images.fingerprintFile(file))
        : videos.fingerprint(file);
  }

  /** Compares two fingerprints (images, videos, or an image against a video). */
  public static Comparison compare(Fingerprint a, Fingerprint b) {
    List<String> notes = new ArrayList<>();
    for (Fingerprint f : List.of(a, b)) {
      if (f instanceof ImageFingerprint img && !img.image().reliable()) {
        notes.add(
            f.file()
                + ": quality "
                + img.image().quality()
                + " is below 50, so its hash is unreliable");
      }
    }
    return Matcher.compare(
        a.frames(),
        a instanceof VideoFingerprint,
        TimedHash.of(b.frames()),
        b instanceof VideoFingerprint,
        notes);
  }

  static boolean isImage(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      return in != null && ImageIO.getImageReaders(in).hasNext();
    } catch (IOException e) {
      throw new MediaException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
