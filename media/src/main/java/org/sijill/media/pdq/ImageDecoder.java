package org.sijill.media.pdq;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.sijill.media.MediaException;
import org.sijill.media.MediaLimits;

/**
 * Decodes a still image with javax.imageio (the decoder the PDQ Java reference was checked
 * against), after checking the declared size against {@link MediaLimits}. A decoder warning — for
 * example a JPEG that ends early, which ImageIO would otherwise fill with grey — is an error: a
 * fingerprint of half a picture would silently mislead.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  record Decoded(BufferedImage image, int orientation) {}

  static Decoded read(Path file, MediaLimits limits) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new MediaException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    if (size == 0) {
      throw new MediaException(file, "is empty (0 bytes)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new MediaException(file, "cannot be opened");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaException(file, "is not an image format we can decode");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        limits.check(file, reader.getWidth(0), reader.getHeight(0));
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener(warningsInto(warnings));
        BufferedImage img = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new MediaException(
              file, "is damaged (" + String.join("; ", warnings) + "); not fingerprinted");
        }
        return new Decoded(img, orientation(file));
      } finally {
        reader.dispose();
      }
    } catch (MediaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new MediaException(
          file,
          "is corrupt or truncated (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
  }

  private static IIOReadWarningListener warningsInto(List<String> warnings) {
    return (source, warning) -> warnings.add(warning);
  }

  /** The EXIF orientation (1–8), or 1 when absent or unreadable. */
  static int orientation(Path file) {
    try {
      Metadata md = ImageMetadataReader.readMetadata(file.toFile());
      ExifIFD0Directory dir = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (dir != null && dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return o >= 1 && o <= 8 ? o : 1;
      }
    } catch (Exception e) {
      // Metadata is advisory: a picture without readable EXIF is shown as stored.
    }
    return 1;
  }
}
