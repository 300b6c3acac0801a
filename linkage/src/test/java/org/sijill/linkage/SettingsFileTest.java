package org.sijill.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of settings files gives what Jackson's data binding (the reader before it)
 * gave, on settings files made up at random from every key, and refuses what it refused.
 */
class SettingsFileTest {

  private static final ObjectMapper BINDING =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void readsWhatTheDataBindingRead() throws Exception {
    Random rnd = new Random(19);
    for (int n = 0; n < 2_000; n++) {
      String json = randomSettings(rnd);
      Settings bound = BINDING.readValue(json, Settings.class);
      Settings read = SettingsFile.parse("s.json", json.getBytes(StandardCharsets.UTF_8));
      assertThat(read).as(json).isEqualTo(bound);
    }
  }

  @Test
  void readsTheBenchmarksSettings() throws Exception {
    Path febrl = Path.of("../bench/peers/febrl-settings.json");
    byte[] bytes = Files.readAllBytes(febrl);
    assertThat(SettingsFile.parse("f", bytes)).isEqualTo(BINDING.readValue(bytes, Settings.class));
    assertThat(SettingsFile.parse("f", bytes).fields()).hasSize(10);
  }

  @Test
  void refusesWithFileLineAndColumn() {
    assertThatThrownBy(
            () -> parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}],\n \"x\": 1}"))
        .isInstanceOf(LinkageException.class)
        .hasMessageStartingWith("s.json:2:2: unknown key \"x\" (known: comment, id, fields,");
    assertThatThrownBy(
            () -> parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\", \"y\": 2}]}"))
        .hasMessageStartingWith("s.json:1:")
        .hasMessageContaining("unknown key \"y\" (known: column, kind, format)");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}], \"threshold\": \"high\"}"))
        .hasMessageStartingWith("s.json:1:")
        .hasMessageContaining("malformed settings: threshold: a number expected, not \"high\"");
    assertThatThrownBy(
            () -> parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}], \"window\": 2.5}"))
        .hasMessageContaining("window: a whole number expected");
    assertThatThrownBy(
            () ->
                parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}], \"mutualBest\": 1}"))
        .hasMessageContaining("mutualBest: true or false expected, not 1");
    assertThatThrownBy(() -> parse("{\"fields\": {\"column\": \"a\", \"kind\": \"name\"}}"))
        .hasMessageContaining("fields: an array [ … ] expected, not {");
    assertThatThrownBy(() -> parse("{\"fields\": [{\"column\": \"a\"}]}"))
        .hasMessageContaining("field a needs a kind");
    assertThatThrownBy(() -> parse("{\"fields\": []}"))
        .hasMessageContaining("settings need at least one field");
    assertThatThrownBy(
            () ->
                parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}], \"threshold\": 1}"))
        .hasMessageContaining("threshold must be strictly between 0 and 1");
    assertThatThrownBy(() -> parse("")).hasMessage("s.json: empty settings file");
    assertThatThrownBy(() -> parse("null")).hasMessage("s.json: empty settings file");
    assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("settings: an object");
    assertThatThrownBy(() -> parse("{\"fields\": [{\"column\": \"a\", \"kind\": \"name\"}"))
        .hasMessageStartingWith("s.json:1:")
        .hasMessageContaining("malformed JSON: Unexpected end-of-input");
  }

  private static Settings parse(String json) {
    return SettingsFile.parse("s.json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Settings JSON with some keys, some repeated, in any order, values in the forms both accept. */
  private static String randomSettings(Random rnd) {
    List<String> entries = new ArrayList<>();
    String[] kinds = {"name", "text", "exact", "number", "date"};
    StringBuilder fields = new StringBuilder("[");
    int nFields = 1 + rnd.nextInt(4);
    for (int i = 0; i < nFields; i++) {
      String kind = kinds[rnd.nextInt(kinds.length)];
      List<String> f = new ArrayList<>();
      f.add("\"column\": \" c" + i + " \"");
      f.add("\"kind\": \"" + kind + "\"");
      if (kind.equals("date") && rnd.nextBoolean()) {
        f.add("\"format\": \"" + (rnd.nextBoolean() ? "yyyyMMdd" : "dd/MM/yyyy") + "\"");
      } else if (rnd.nextInt(4) == 0) {
        f.add("\"format\": null");
      }
      java.util.Collections.shuffle(f, rnd);
      fields.append(i == 0 ? "" : ", ").append('{').append(String.join(", ", f)).append('}');
    }
    entries.add("\"fields\": " + fields.append(']'));
    if (rnd.nextBoolean()) {
      entries.add("\"id\": " + pick(rnd, "\"rec_id\"", "\" person \"", "null", "\"\"", "7"));
    }
    if (rnd.nextBoolean()) {
      entries.add(
          "\"comment\": "
              + pick(rnd, "\"why\"", "[\"a\", {\"b\": [1, 2]}]", "{\"x\": {\"y\": null}}", "3.5"));
    }
    double threshold = 0.3 + rnd.nextInt(60) / 100.0;
    entries.add("\"threshold\": " + number(rnd, threshold));
    for (String key : List.of("reviewLow", "reviewHigh", "pairsMinProbability")) {
      if (rnd.nextBoolean()) {
        double v = key.equals("reviewLow") ? 0.05 : key.equals("reviewHigh") ? 0.95 : 0.002;
        entries.add("\"" + key + "\": " + number(rnd, v));
      }
    }
    if (rnd.nextBoolean()) {
      entries.add("\"mutualBestFloor\": " + number(rnd, threshold / 2));
    }
    if (rnd.nextBoolean()) {
      entries.add("\"mutualBestMargin\": " + number(rnd, rnd.nextInt(5)));
    }
    for (String key : List.of("maxBlockSize", "window", "lshBands", "lshRows", "emIterations")) {
      if (rnd.nextBoolean()) {
        entries.add("\"" + key + "\": " + whole(rnd, 2 + rnd.nextInt(500)));
      }
    }
    if (rnd.nextBoolean()) {
      entries.add("\"seed\": " + whole(rnd, rnd.nextLong()));
    }
    for (String key : List.of("termFrequency", "mutualBest", "households")) {
      if (rnd.nextBoolean()) {
        entries.add(
            "\"" + key + "\": " + pick(rnd, "true", "false", "null", "\"true\"", "\"false\""));
      }
    }
    if (rnd.nextInt(5) == 0) {
      entries.add(entries.get(rnd.nextInt(entries.size()))); // repeated: the last one wins
    }
    java.util.Collections.shuffle(entries, rnd);
    return "{\n  " + String.join(",\n  ", entries) + "\n}\n";
  }

  private static String number(Random rnd, double v) {
    return switch (rnd.nextInt(4)) {
      case 0 -> "\"" + v + "\"";
      case 1 -> "null";
      default -> Double.toString(v);
    };
  }

  private static String whole(Random rnd, long v) {
    return switch (rnd.nextInt(4)) {
      case 0 -> "\"" + v + "\"";
      case 1 -> "null";
      default -> Long.toString(v);
    };
  }

  private static String pick(Random rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }
}
