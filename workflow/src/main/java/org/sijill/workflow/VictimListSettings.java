package org.sijill.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sijill.linkage.Settings;

/**
 * The linkage settings for victim lists of docs/linkage.md (full name, mother's name, sex, age,
 * date and place of death), and settings given as JSON text (the web desk's editable box).
 */
public final class VictimListSettings {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VictimListSettings() {}

  /** The victim-list settings as an editable JSON object. */
  public static ObjectNode node() {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "record_id");
    ArrayNode fields = root.putArray("fields");
    field(fields, "full_name", "name");
    field(fields, "mother_name", "name");
    field(fields, "sex", "exact");
    field(fields, "age", "number");
    field(fields, "date_of_death", "date").put("format", "yyyy-MM-dd");
    field(fields, "place_of_death", "name");
    return root;
  }

  /** The victim-list settings as indented JSON text. */
  public static String json() {
    try {
      return JSON.writeValueAsString(node()) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads settings from JSON text, with the line and key of any problem.
   *
   * @throws CountingException when the text is not valid settings
   */
  public static Settings parse(String json) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("sijill-settings", ".json");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      return LinkCase.settings(tmp);
    } catch (CountingException e) {
      throw new CountingException(e.getMessage().replace(tmp.toString(), "settings"), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary copy of settings (no personal data); the OS cleans it up
        }
      }
    }
  }

  private static ObjectNode field(ArrayNode fields, String column, String kind) {
    ObjectNode f = fields.addObject();
    f.put("column", column);
    f.put("kind", kind);
    return f;
  }
}
