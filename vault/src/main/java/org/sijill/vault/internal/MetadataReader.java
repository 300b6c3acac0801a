package org.sijill.vault.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tika.Tika;

/**
 * Reads what a stored file says about itself, without modifying it: the media type sniffed from its
 * bytes (Tika core), and for images and audio/video containers the EXIF, XMP, IPTC, GPS and
 * container tags that metadata-extractor understands (JPEG, PNG, WebP, HEIF, TIFF, MP4, QuickTime,
 * AVI, …): for video that includes duration, creation time, codec and frame size where the
 * container records them. Deeper video probing (every stream, via FFmpeg) belongs to the media
 * module.
 *
 * <p>The result is pretty-printed JSON with sorted keys, so the same file always gives the same
 * bytes and the same recorded hash.
 */
public final class MetadataReader {
  public static final String VERSION =
      "sijill-vault-metadata/1 (metadata-extractor 2.21.0, tika-core)";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final Tika tika = new Tika();

  /** The media type of the file's content, e.g. {@code image/jpeg}. */
  public String mimeType(Path file, String originalName) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return tika.detect(in, originalName);
    }
  }

  /** The metadata document of a stored file. */
  public byte[] read(Path file, String mimeType) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("reader", VERSION);
    root.put("mime_type", mimeType);
    root.put("size", Files.size(file));
    if (mimeType.startsWith("image/")
        || mimeType.startsWith("video/")
        || mimeType.startsWith("audio/")) {
      try {
        Metadata md = ImageMetadataReader.readMetadata(file.toFile());
        Map<String, Map<String, String>> dirs = new TreeMap<>();
        for (Directory d : md.getDirectories()) {
          if (d instanceof com.drew.metadata.file.FileSystemDirectory) {
            continue; // describes our stored copy (its name and mtime), not the content
          }
          Map<String, String> tags = dirs.computeIfAbsent(d.getName(), k -> new TreeMap<>());
          for (Tag t : d.getTags()) {
            String v = t.getDescription();
            if (v != null) {
              tags.put(t.getTagName(), v.strip());
            }
          }
          for (String err : d.getErrors()) {
            tags.put("(error)", err);
          }
        }
        root.set("tags", JSON.valueToTree(dirs));
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation loc = gps == null ? null : gps.getGeoLocation();
        if (loc != null && !loc.isZero()) {
          ObjectNode g = root.putObject("gps");
          g.put("latitude", loc.getLatitude());
          g.put("longitude", loc.getLongitude());
        }
      } catch (ImageProcessingException | IOException | RuntimeException e) {
        // A format the reader does not know, or a damaged or truncated file: say so, keep the
        // item (a damaged file is still evidence).
        root.put("tags_error", String.valueOf(e.getMessage()));
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(JSON.treeToValue(root, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
