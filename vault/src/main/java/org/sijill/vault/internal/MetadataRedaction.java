package org.sijill.vault.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sijill.vault.IdentifyingMetadata;

/**
 * Takes out of a metadata document (as {@link MetadataReader} writes it) what can lead to a person:
 * the place (GPS, locations), who made or owns the file (Artist, Author, Creator, Copyright, owner
 * names, by-lines, comments) and which device (serial numbers). Whole GPS and XMP directories go,
 * since XMP is free-form and may hold any of these.
 *
 * <p>Which tags identify is {@link IdentifyingMetadata}'s one list (pages apply it too), by tag
 * name, over every directory metadata-extractor reports, so a tag of the same name in a format we
 * have not seen is caught too; a name not on it stays. Camera make and model stay: they help
 * verification and identify nobody by themselves.
 */
public final class MetadataRedaction {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final List<String> DIRECTORY_WORDS = List.of("gps", "xmp");

  private MetadataRedaction() {}

  /**
   * @param bytes the redacted document
   * @param removed what was taken out, as {@code directory/tag} (or {@code gps}); empty when the
   *     document identified nothing
   * @param examined whether the file's own tags were read (false: a document, or a file the reader
   *     could not parse, whose bytes may still carry such tags)
   */
  public record Result(byte[] bytes, List<String> removed, boolean examined) {}

  public static Result redact(byte[] metadata) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(metadata);
    List<String> removed = new ArrayList<>();
    boolean examined = root.has("tags") && !root.has("tags_error");
    if (root.remove("gps") != null) {
      removed.add("gps");
    }
    if (root.get("tags") instanceof ObjectNode dirs) {
      Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = dirs.fields();
      while (it.hasNext()) {
        Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> d = it.next();
        if (matches(d.getKey(), DIRECTORY_WORDS)) {
          removed.add(d.getKey() + "/*");
          it.remove();
        } else if (d.getValue() instanceof ObjectNode tags) {
          Iterator<String> names = tags.fieldNames();
          while (names.hasNext()) {
            String t = names.next();
            if (IdentifyingMetadata.identifies(t)) {
              removed.add(d.getKey() + "/" + t);
              names.remove();
            }
          }
        }
      }
    }
    byte[] out =
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(JSON.treeToValue(root, Object.class));
    return new Result(out, List.copyOf(removed), examined);
  }

  private static boolean matches(String name, List<String> words) {
    String n = name.toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(n::contains);
  }
}
