package org.sijill.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sijill.casefile.CaseFile;
import org.sijill.vault.log.MerkleTree;

/**
 * Publishes the case as a static report folder that works offline: {@code index.html} (English) and
 * {@code index-ar.html} (Arabic), {@code verify.html} (the public list and its in-browser
 * verifier), {@code report.pdf}, the public list with every entry's inclusion proof ({@code
 * data/list.json}), the numbers ({@code data/numbers.json}), what they were made from ({@code
 * data/inputs.json}), {@code MANIFEST-sha256.txt} (every file's SHA-256, in {@code sha256sum}
 * form), the report key ({@code report.vkey}) and {@code checkpoint.note}: a signed C2SP checkpoint
 * of the list's Merkle tree whose fourth line, {@code manifest-sha256 <hex>}, commits to the
 * manifest and so to every other byte of the folder.
 *
 * <p>A second edition given the first ({@code previous}) keeps the first's entries in their order
 * and appends new ones, so its checkpoint is provably an extension ({@code data/consistency.json});
 * when an entry of the first edition changed or was dropped, that cannot hold, and {@code
 * data/changes.json} lists each such entry with why.
 */
public final class PublishReport {
  static final String MANIFEST = "MANIFEST-sha256.txt";
  static final String CHECKPOINT = "checkpoint.note";
  static final String CHECKPOINT_JS = "checkpoint.js";
  static final String VKEY = "report.vkey";

  private final CaseFile caseFile;
  private final Path keysDir;

  public PublishReport(CaseFile caseFile, Path dataDir) {
    this.caseFile = caseFile;
    this.keysDir = CaseFile.keysDir(dataDir);
  }

  /**
   * @param out the folder to write (must not exist, or be empty)
   * @param previous the folder of the edition this one follows, if any
   * @param pdfFont a TrueType font with Arabic glyphs for the PDF, or empty to find one
   * @param pdf whether to write {@code report.pdf} (a few seconds per thousand entries)
   */
  public record Request(
      Path out, Optional<Path> previous, Optional<Path> pdfFont, boolean pdf, String by) {}

  /**
   * @param extendsPrevious whether the consistency proof to the previous edition holds (false when
   *     there is none, or entries changed: then {@code changes} says which)
   */
  public record Result(
      Path out,
      int listed,
      int withheld,
      long documented,
      String root,
      boolean extendsPrevious,
      List<String> changes) {}

  public Result publish(Request request, ProgressListener progress) {
    Path out = request.out();
    try {
      if (Files.exists(out)) {
        try (Stream<Path> s = Files.list(out)) {
          if (s.findAny().isPresent()) {
            throw new PublishException(out + ": the folder is not empty; give a new folder");
          }
        }
      }
      progress.progress("reading the case", 0, -1);
      ReportContent content = ReportContent.read(caseFile);
      ReportKey key = ReportKey.loadOrCreate(keysDir);

      // Order the entries: a previous edition's unchanged entries first, in its order.
      List<ReportContent.Entry> ordered = new ArrayList<>();
      List<String> changes = new ArrayList<>();
      ArrayNode changeNodes = ReportContent.JSON.createArrayNode();
      JsonNode previousList = null;
      String previousNote = null;
      if (request.previous().isPresent()) {
        Path prev = request.previous().get();
        previousList = ReportContent.JSON.readTree(prev.resolve("data/list.json").toFile());
        previousNote = Files.readString(prev.resolve(CHECKPOINT), StandardCharsets.UTF_8);
        String prevKey = Files.readString(prev.resolve(VKEY), StandardCharsets.UTF_8).strip();
        if (!prevKey.equals(key.verifierKey())) {
          throw new PublishException(
              prev
                  + " was signed by another key ("
                  + prevKey
                  + "): a later edition must be signed"
                  + " by the same report key");
        }
        Map<String, ReportContent.Entry> byId = new LinkedHashMap<>();
        content.entries().forEach(e -> byId.put(e.id(), e));
        Map<Long, String> marked = caseFile.publications().withheld();
        for (JsonNode pe : previousList.path("entries")) {
          String text = pe.path("entry").asText();
          String id = ReportContent.JSON.readTree(text).path("id").asText();
          ReportContent.Entry now = byId.remove(id);
          if (now != null && now.json().equals(text)) {
            ordered.add(now);
            continue;
          }
          String why;
          if (now != null) {
            why = "the entry changed: the person's records were corrected or relinked";
            byId.put(id, now); // appended below as the corrected entry
          } else if (id.startsWith("P") && marked.containsKey(parseId(id))) {
            why = "withheld by an administrator: " + marked.get(parseId(id));
          } else {
            why =
                "no longer in the list: withheld by rule, or merged into another person by"
                    + " a later linkage";
          }
          changes.add(id + ": " + why);
          ObjectNode c = changeNodes.addObject();
          c.put("id", id);
          c.put("before", text);
          c.put("after", now == null ? null : now.json());
          c.put("why", why);
        }
        ordered.addAll(byId.values());
      } else {
        ordered.addAll(content.entries());
      }

      progress.progress("hashing " + ordered.size() + " entries", 0, ordered.size());
      List<byte[]> leaves = new ArrayList<>(ordered.size());
      ordered.forEach(e -> leaves.add(e.json().getBytes(StandardCharsets.UTF_8)));
      MerkleTree tree = MerkleTree.ofEntries(leaves);
      byte[] root = tree.root();
      HexFormat hex = HexFormat.of();

      Files.createDirectories(out.resolve("data"));
      Files.createDirectories(out.resolve("assets/leaflet/images"));

      ObjectNode list = ReportContent.JSON.createObjectNode();
      list.put("origin", key.name());
      list.put("size", ordered.size());
      list.put("root", hex.formatHex(root));
      list.put(
          "hashing", "RFC 9162: leaf SHA-256(0x00 || UTF-8 entry), node SHA-256(0x01 || l || r)");
      ArrayNode entries = list.putArray("entries");
      for (int i = 0; i < ordered.size(); i++) {
        ObjectNode e = entries.addObject();
        e.put("index", i);
        e.put("entry", ordered.get(i).json());
        ArrayNode p = e.putArray("proof");
        tree.inclusionProof(i).forEach(h -> p.add(hex.formatHex(h)));
      }
      writeJson(out, "data/list", list);
      writeJson(out, "data/numbers", content.numbers());
      writeJson(out, "data/inputs", content.inputs());

      boolean extendsPrevious = false;
      Long previousSize = null;
      String previousRoot = null;
      if (previousList != null) {
        previousSize = previousList.path("size").asLong();
        previousRoot = previousList.path("root").asText();
        ObjectNode prev = ReportContent.JSON.createObjectNode();
        prev.put("size", previousSize);
        prev.put("root", previousRoot);
        prev.put("checkpoint", previousNote);
        if (changes.isEmpty() && previousSize > 0) {
          ObjectNode c = ReportContent.JSON.createObjectNode();
          c.set("previous", prev);
          ArrayNode p = c.putArray("proof");
          tree.consistencyProof(previousSize).forEach(h -> p.add(hex.formatHex(h)));
          write(out, "data/consistency.json", pretty(c));
          extendsPrevious = true;
        } else {
          ObjectNode c = ReportContent.JSON.createObjectNode();
          c.set("previous", prev);
          c.set("changes", changeNodes);
          write(out, "data/changes.json", pretty(c));
        }
      }

      progress.progress("writing the pages", 0, -1);
      ObjectNode shown = content.numbers().deepCopy();
      shown.put("pdf", request.pdf()); // only for the pages' link: numbers.json is as read
      String cpSummary =
          "origin "
              + key.name()
              + "\nentries "
              + ordered.size()
              + "\nroot "
              + hex.formatHex(root)
              + "\nkey "
              + key.verifierKey();
      write(
          out,
          "index.html",
          new ReportHtml(shown, content.inputs(), "en", false, cpSummary).page());
      write(
          out,
          "index-ar.html",
          new ReportHtml(shown, content.inputs(), "ar", false, cpSummary).page());
      write(out, "verify.html", resource("verify.html"));
      write(out, "assets/verify.js", resource("verify.js"));
      write(out, "assets/report.js", resource("report.js"));
      write(out, "assets/report.css", resource("report.css"));
      write(out, "assets/syria.js", "window.SIJILL_SYRIA = " + resource("syria.geojson") + ";\n");
      write(out, "assets/syria.txt", resource("syria.geojson.txt"));
      copyWebjar(out);
      write(out, VKEY, key.verifierKey() + "\n");

      if (request.pdf()) {
        progress.progress("writing the PDF", 0, -1);
        String pdfEn =
            new ReportHtml(content.numbers(), content.inputs(), "en", true, cpSummary).fragment();
        String pdfAr =
            new ReportHtml(content.numbers(), content.inputs(), "ar", true, cpSummary).fragment();
        ReportPdf.write(
            List.of(pdfEn, pdfAr), ordered, request.pdfFont(), out.resolve("report.pdf"));
      }

      String manifest = ReportManifest.of(out);
      write(out, MANIFEST, manifest);
      String body =
          key.name()
              + "\n"
              + ordered.size()
              + "\n"
              + java.util.Base64.getEncoder().encodeToString(root)
              + "\n"
              + "manifest-sha256 "
              + hex.formatHex(ReportKey.sha256(manifest.getBytes(StandardCharsets.UTF_8)))
              + "\n";
      String note = key.sign(body);
      write(out, CHECKPOINT, note);
      write(out, CHECKPOINT_JS, checkpointJs(note, key.verifierKey()));
      caseFile
          .publications()
          .recordEdition(
              ordered.size(),
              hex.formatHex(root),
              note,
              previousSize,
              previousRoot,
              content.numbers().path("withheld").path("total").asInt(),
              request.by());
      return new Result(
          out,
          ordered.size(),
          content.numbers().path("withheld").path("total").asInt(),
          content.numbers().path("documented").asLong(),
          hex.formatHex(root),
          extendsPrevious,
          List.copyOf(changes));
    } catch (IOException e) {
      throw new PublishException(out + ": " + e.getMessage(), e);
    }
  }

  static String checkpointJs(String note, String vkey) throws JsonProcessingException {
    return "window.SIJILL_CHECKPOINT = "
        + ReportContent.JSON.writeValueAsString(note)
        + ";\nwindow.SIJILL_VKEY = "
        + ReportContent.JSON.writeValueAsString(vkey)
        + ";\n";
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void writeJson(Path out, String name, JsonNode node) throws IOException {
    String json = pretty(node);
    write(out, name + ".json", json);
    String var =
        name.endsWith("list")
            ? "SIJILL_LIST"
            : name.endsWith("numbers") ? "SIJILL_NUMBERS" : "SIJILL_INPUTS";
    write(out, name + ".js", "window." + var + " = " + json + ";\n");
  }

  static String pretty(JsonNode node) throws JsonProcessingException {
    return ReportContent.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }

  static void write(Path out, String name, String text) throws IOException {
    Path f = out.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  static String resource(String name) {
    try (InputStream in = PublishReport.class.getResourceAsStream("publish/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource publish/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Leaflet and ECharts from the webjars on the class path, so the site needs no network. */
  private static void copyWebjar(Path out) throws IOException {
    Map<String, String> files = new HashMap<>();
    String leaflet =
        "META-INF/resources/webjars/leaflet/"
            + webjarVersion("org.webjars.npm", "leaflet")
            + "/dist/";
    for (String f :
        List.of(
            "leaflet.js",
            "leaflet.css",
            "images/marker-icon.png",
            "images/marker-icon-2x.png",
            "images/marker-shadow.png",
            "images/layers.png",
            "images/layers-2x.png")) {
      files.put(leaflet + f, "assets/leaflet/" + f);
    }
    files.put(
        "META-INF/resources/webjars/echarts/"
            + webjarVersion("org.webjars", "echarts")
            + "/echarts.min.js",
        "assets/echarts.min.js");
    for (Map.Entry<String, String> e : files.entrySet()) {
      try (InputStream in = PublishReport.class.getClassLoader().getResourceAsStream(e.getKey())) {
        if (in == null) {
          throw new IllegalStateException("missing webjar file " + e.getKey());
        }
        Path f = out.resolve(e.getValue());
        Files.createDirectories(f.getParent());
        Files.copy(in, f);
      }
    }
  }

  private static String webjarVersion(String group, String artifact) throws IOException {
    String p = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = PublishReport.class.getClassLoader().getResourceAsStream(p)) {
      if (in == null) {
        throw new IllegalStateException("webjar " + artifact + " is not on the class path");
      }
      java.util.Properties props = new java.util.Properties();
      props.load(in);
      return props.getProperty("version");
    }
  }
}
