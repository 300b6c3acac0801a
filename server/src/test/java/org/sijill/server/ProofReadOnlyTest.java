package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;

/**
 * The custody proof routes only read: GETs of every entry's proof, as page and as API, by an
 * analyst and an admin — including entries no stored checkpoint covers yet, whose proof is signed
 * for the answer only — leave every file of the data folder (vault, custody log, checkpoints) and
 * every table of the case file as they were.
 */
class ProofReadOnlyTest {
  @Test
  void proofGetsWriteNothing(@TempDir Path data) throws Exception {
    try (EvidenceServer site = new EvidenceServer(data, "proofro", "Proof read-only")) {
      long item =
          site.upload(
              "scene.png",
              Files.readAllBytes(Path.of("../media/src/test/resources/pdq/bridge-1-original.jpg")),
              Map.of("source", "Synthetic channel P", "acquiredAt", "2025-03-06T18:00:00Z"));
      List<CustodyEvent> events = site.caseFile.evidence().events(item);
      assertThat(events).hasSizeGreaterThanOrEqualTo(2);
      Path checkpoints = data.resolve("vault").resolve("checkpoints");
      long storedBefore = count(checkpoints);
      long last = events.stream().mapToLong(CustodyEvent::logIndex).max().orElseThrow();
      assertThat(coveredSize(checkpoints))
          .as("the newest entries are covered by no stored checkpoint yet")
          .isLessThanOrEqualTo(last);

      Map<String, String> files = files(data);
      Map<String, Long> rows = rows(site);
      for (CustodyEvent e : events) {
        for (Role role : List.of(Role.ANALYST, Role.ADMIN)) {
          String path = "/evidence/" + item + "/custody/" + e.logIndex() + "/proof";
          assertThat(site.get("/api" + path, role).statusCode()).isEqualTo(200);
          assertThat(site.get(path, role).statusCode()).isEqualTo(200);
        }
      }
      assertThat(files(data)).as("files of the data folder").isEqualTo(files);
      assertThat(rows(site)).as("rows of every table").isEqualTo(rows);
      assertThat(count(checkpoints)).as("no checkpoint stored by a GET").isEqualTo(storedBefore);
      assertThat(files).as("the snapshot saw the custody log").isNotEmpty();

      // The same entry gets the same proof after the log has grown (a page and its JSON twin
      // agree).
      String lastProof =
          "/api/evidence/"
              + item
              + "/custody/"
              + events.get(events.size() - 1).logIndex()
              + "/proof";
      String before =
          new String(
              site.get(lastProof, Role.ANALYST).body(), java.nio.charset.StandardCharsets.UTF_8);
      site.upload(
          "other.jpg",
          Files.readAllBytes(Path.of("../media/src/test/resources/pdq/bridge-3-rotate-180.jpg")),
          Map.of("source", "Synthetic channel P", "acquiredAt", "2025-03-07"));
      assertThat(
              new String(
                  site.get(lastProof, Role.ANALYST).body(),
                  java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(before);
    }
  }

  private static long count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  /** The tree size of the newest stored checkpoint ({@code <size>.note}), 0 when none. */
  private static long coveredSize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".note"))
          .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - 5)))
          .max()
          .orElse(0);
    }
  }

  /**
   * Every regular file under the data folder but the database's own, with its SHA-256. The uploads
   * folder is left out: Jetty keeps an upload's parts there until it gets round to deleting them
   * after the answer, so an earlier upload's part can vanish while the GETs run.
   */
  private static Map<String, String> files(Path data) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path uploads = org.sijill.workflow.ReceiveEvidence.uploadsDir(data);
    try (Stream<Path> s = Files.walk(data)) {
      s.filter(p -> !p.startsWith(uploads))
          .filter(Files::isRegularFile)
          .forEach(
              p -> {
                try {
                  MessageDigest d = MessageDigest.getInstance("SHA-256");
                  out.put(
                      data.relativize(p).toString(),
                      HexFormat.of().formatHex(d.digest(Files.readAllBytes(p))));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } catch (java.security.NoSuchAlgorithmException e) {
                  throw new IllegalStateException(e);
                }
              });
    }
    return out;
  }

  /** The number of rows of every table of the case file's schema. */
  private static Map<String, Long> rows(EvidenceServer site) {
    return site.caseFile
        .jdbi()
        .withHandle(
            h -> {
              Map<String, Long> out = new TreeMap<>();
              for (String t :
                  h.createQuery(
                          "select table_name from information_schema.tables where table_schema ="
                              + " current_schema() and table_type = 'BASE TABLE'")
                      .mapTo(String.class)
                      .list()) {
                out.put(
                    t,
                    h.createQuery("select count(*) from \"" + t.replace("\"", "\"\"") + "\"")
                        .mapTo(Long.class)
                        .one());
              }
              return out;
            });
  }
}
