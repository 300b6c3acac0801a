package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.testing.ExifJpeg;
import org.sijill.workflow.access.Groups;
import org.sijill.workflow.access.ItemType;
import org.sijill.workflow.testing.Chromium;

/**
 * The evidence page of a re-posted picture: its metadata as readable groups with its GPS position
 * on the map, its custody as a timeline whose every line links to an inclusion proof that verifies
 * with the vault's verifier, and the copy it re-posts side by side with the distance and which was
 * seen first; a later copy restricted to a group stays hidden. Also at phone width.
 */
class EvidencePageTest {
  private static final Path PDQ = Path.of("../media/src/test/resources/pdq");
  private static final String SECRET_SOURCE = "Zq witness channel";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EvidenceServer site;
  private static CaseFile caseFile;
  private static WebDriver browser;
  private static long original;
  private static long repost;
  private static long hidden;
  private static Path dataDir;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    dataDir = data;
    site = new EvidenceServer(data, "page", "Page");
    caseFile = site.caseFile;
    original =
        site.upload(
            "bridge.jpg",
            Files.readAllBytes(PDQ.resolve("bridge-1-original.jpg")),
            Map.of("source", "Synthetic channel A", "acquiredAt", "2025-03-06T18:00:00Z"));
    repost =
        site.upload(
            "bridge-repost.jpg",
            ExifJpeg.tag(halfSize(PDQ.resolve("bridge-1-original.jpg"))),
            Map.of("source", "Synthetic channel B", "acquiredAt", "2025-03-09"));
    hidden =
        site.upload(
            "bridge-turned.jpg",
            Files.readAllBytes(PDQ.resolve("bridge-3-rotate-180.jpg")),
            Map.of("source", SECRET_SOURCE, "acquiredAt", "2025-03-12"));
    Groups groups = Groups.over(caseFile);
    groups.create().create("page-group", "t");
    groups.restrict().restrict(ItemType.EVIDENCE, hidden, "page-group", "t");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    site.close();
  }

  @Test
  void everyCustodyEntryHasAProofThatVerifiesWithTheVaultsVerifier() throws Exception {
    List<CustodyEvent> events = caseFile.evidence().events(repost);
    assertThat(events).extracting(CustodyEvent::action).contains("acquired", "metadata_extracted");
    String sha256 = caseFile.evidence().find(repost).orElseThrow().sha256();
    for (CustodyEvent e : events) {
      JsonNode p = proof(repost, e.logIndex(), Role.VIEWER);
      assertThat(p.get("entryWithheld").asBoolean()).isFalse();
      byte[] entry = Base64.getDecoder().decode(p.get("entry").asText());
      assertThat(new String(entry, StandardCharsets.UTF_8))
          .contains(sha256)
          .contains("\"" + e.action() + "\"");
      verify(p, entry);
    }
    // Not its own entry, no such entry, not a number; and only with an account.
    long ofOriginal = caseFile.evidence().events(original).get(0).logIndex();
    assertThat(
            site.get("/api/evidence/" + repost + "/custody/" + ofOriginal + "/proof", Role.VIEWER))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(404);
    assertThat(site.get("/api/evidence/" + repost + "/custody/x/proof", Role.VIEWER).statusCode())
        .isEqualTo(400);
    assertThat(site.get("/api/evidence/" + repost + "/custody/0/proof", null).statusCode())
        .isEqualTo(401);
    // A restricted item's entry is proved without showing what it says.
    long ofHidden = caseFile.evidence().events(hidden).get(0).logIndex();
    JsonNode withheld = proof(hidden, ofHidden, Role.VIEWER);
    assertThat(withheld.get("entry").isNull()).isTrue();
    assertThat(withheld.toString()).doesNotContain(SECRET_SOURCE);
    JsonNode full = proof(hidden, ofHidden, Role.ADMIN);
    assertThat(withheld.get("leafHash")).isEqualTo(full.get("leafHash"));
    verify(full, Base64.getDecoder().decode(full.get("entry").asText()));
  }

  /**
   * The custody timeline's details in the reader's language (issue 13 item 9): on the Arabic page
   * each stored key reads by its Arabic word and the coded values (a verification step and status,
   * a viewing's purpose) by theirs, with no stored English key left; hashes, names and the source
   * read as stored. The English page keeps readable words.
   */
  @Test
  void theCustodyDetailsReadInTheReadersLanguage() throws Exception {
    long item =
        site.upload(
            "square.txt",
            "a synthetic note, no picture: it matches no other item"
                .getBytes(StandardCharsets.UTF_8),
            Map.of("source", "Synthetic channel C", "acquiredAt", "2025-03-10"));
    new org.sijill.workflow.VerifyEvidence(dataDir, caseFile)
        .assign(item, "page-analyst", "page-reviewer");
    // The first reading is logged as a viewing; the second shows it.
    assertThat(site.get("/evidence/" + item, Role.VIEWER).statusCode()).isEqualTo(200);
    String arabic = custody(item, "?lang=ar");
    List<String> keys =
        caseFile.evidence().events(item).stream()
            .flatMap(e -> fieldNames(e.details()).stream())
            .distinct()
            .toList();
    assertThat(keys)
        .contains("file_name", "sha512", "mime_type", "source", "metadata_sha256")
        .contains("step", "assignee", "status", "purpose");
    for (String key : keys) {
      assertThat(arabic).as("stored key %s", key).doesNotContain("<dt>" + key + "</dt>");
      assertThat(arabic).doesNotContain("<dt>" + key.replace('_', ' ') + "</dt>");
    }
    assertThat(arabic)
        .contains("<dt>اسم الملف</dt>", "<dt>المصدر</dt>", "<dt>الحجم (بايت)</dt>")
        .contains("<dt>الخطوة</dt><dd dir=\"auto\" class=\"wrap\">أُسند</dd>")
        .contains("<dt>الحالة</dt><dd dir=\"auto\" class=\"wrap\">مُسنَد</dd>")
        .contains("<dt>الغرض</dt><dd dir=\"auto\" class=\"wrap\">الصفحة</dd>")
        .contains("square.txt", "Synthetic channel C", "page-analyst")
        .doesNotContain(">assigned<", ">page<");
    String english = custody(item, "");
    assertThat(english)
        .contains("<dt>file name</dt>", "<dt>MIME type</dt>", "<dt>size (bytes)</dt>")
        .contains("<dt>step</dt><dd dir=\"auto\" class=\"wrap\">assigned</dd>")
        .contains("<dt>purpose</dt><dd dir=\"auto\" class=\"wrap\">page</dd>");
  }

  /** The custody section of an item's page as the viewer reads it. */
  private static String custody(long item, String query) throws Exception {
    HttpResponse<byte[]> r = site.get("/evidence/" + item + query, Role.VIEWER);
    assertThat(r.statusCode()).isEqualTo(200);
    String page = new String(r.body(), StandardCharsets.UTF_8);
    int from = page.indexOf("<section id=\"custody\">");
    assertThat(from).isNotNegative();
    return page.substring(from, page.indexOf("</section>", from));
  }

  private static List<String> fieldNames(String details) {
    List<String> out = new java.util.ArrayList<>();
    try {
      JSON.readTree(details).fieldNames().forEachRemaining(out::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** A sound recording gets the page's audio player (issue 13, item 2), fed by the original. */
  @Test
  void anAudioRecordingPlaysInTheAudioPlayer() throws Exception {
    byte[] wav = tone();
    long audio =
        site.upload(
            "call-recording.wav",
            wav,
            Map.of("source", "Synthetic voice note", "acquiredAt", "2025-03-08"));
    assertThat(caseFile.evidence().find(audio).orElseThrow().mediaType()).startsWith("audio/");
    String page =
        new String(site.get("/evidence/" + audio, Role.VIEWER).body(), StandardCharsets.UTF_8);
    assertThat(page)
        .contains(
            "<audio src=\"/evidence/" + audio + "/original\" controls preload=\"metadata\"",
            "id=\"original-audio\"")
        .doesNotContain("id=\"original-video\"", "id=\"original-image\"");
    HttpResponse<byte[]> original = site.get("/evidence/" + audio + "/original", Role.VIEWER);
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("audio/"));
    assertThat(original.body()).isEqualTo(wav);
  }

  /** Half a second of a 440 Hz tone as a 16-bit mono WAV file. */
  private static byte[] tone() throws IOException {
    javax.sound.sampled.AudioFormat format =
        new javax.sound.sampled.AudioFormat(8000f, 16, 1, true, false);
    byte[] pcm = new byte[8000];
    for (int i = 0; i < pcm.length / 2; i++) {
      short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
      pcm[2 * i] = (byte) v;
      pcm[2 * i + 1] = (byte) (v >> 8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.sound.sampled.AudioSystem.write(
        new javax.sound.sampled.AudioInputStream(
            new java.io.ByteArrayInputStream(pcm), format, pcm.length / 2),
        javax.sound.sampled.AudioFileFormat.Type.WAVE,
        out);
    return out.toByteArray();
  }

  @Test
  void theCopiesApiListsEarlierThenLaterWithTheRestrictedOneMasked() throws Exception {
    HttpResponse<byte[]> r = site.get("/api/evidence/" + repost + "/copies", Role.VIEWER);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("total").asInt()).isEqualTo(2);
    JsonNode first = body.at("/items/0");
    assertThat(first.get("id").asLong()).isEqualTo(original);
    assertThat(first.get("earlier").asBoolean()).isTrue();
    assertThat(first.get("source").asText()).isEqualTo("Synthetic channel A");
    assertThat(first.get("seenFirstId").asLong()).isEqualTo(original);
    assertThat(first.get("distance").asInt()).isBetween(0, 31);
    assertThat(first.get("preview").asText()).isEqualTo("image");
    JsonNode later = body.at("/items/1");
    assertThat(later.get("id").asLong()).isEqualTo(hidden);
    assertThat(later.get("earlier").asBoolean()).isFalse();
    assertThat(later.get("name").asText()).isEqualTo("(restricted)");
    assertThat(later.get("preview").isNull()).isTrue();
    assertThat(body.toString()).doesNotContain(SECRET_SOURCE).doesNotContain("bridge-turned");
    JsonNode admin =
        JSON.readTree(site.get("/api/evidence/" + repost + "/copies", Role.ADMIN).body());
    assertThat(admin.at("/items/1/source").asText()).isEqualTo(SECRET_SOURCE);
    assertThat(site.get("/api/evidence/999999/copies", Role.VIEWER).statusCode()).isEqualTo(404);
  }

  @Test
  void thePageShowsMetadataMapTimelineWithProofsAndTheCopySideBySide(@TempDir Path tmp)
      throws Exception {
    browser = Chromium.start();
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(60));
    browser.get(site.base() + "/evidence/" + repost);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys("page-viewer");
    browser.findElement(By.name("password")).sendKeys(EvidenceServer.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("metadata")));

    // Metadata as readable groups, and the GPS position as a marker on the map.
    assertThat(browser.findElement(By.id("meta-camera")).getText())
        .contains("Make")
        .contains("SijillTest");
    assertThat(browser.findElement(By.id("meta-place")).getText())
        .contains("36.200000° N")
        .contains("37.160000° E");
    assertThat(browser.findElement(By.id("meta-dimensions")).getText()).contains("pixels");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#evidence-map .leaflet-marker-icon")));

    // Custody as a timeline: what in plain words, who, when, and a proof per log entry.
    List<WebElement> rows = browser.findElements(By.cssSelector("#custody-timeline li"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(rows.get(0).getText())
        .contains("Collected and stored in the vault")
        .contains("page-analyst");
    assertThat(rows.get(0).findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
    List<String> proofs =
        browser.findElements(By.cssSelector("#custody-timeline a.custody-proof")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(proofs).hasSize(rows.size());

    // Side by side: the earlier copy and this one, the distance, which was seen first.
    WebElement pair = browser.findElement(By.id("copy-" + original));
    int distance = Integer.parseInt(pair.getAttribute("data-distance"));
    assertThat(distance).isBetween(0, 31);
    assertThat(pair.findElement(By.className("copy-distance")).getText())
        .contains(distance + " of 256 bits");
    WebElement earlier = pair.findElement(By.cssSelector("figure[data-item='" + original + "']"));
    assertThat(earlier.getText())
        .contains("earlier copy")
        .contains("seen first")
        .contains("Synthetic channel A");
    assertThat(pair.findElement(By.cssSelector("figure[data-item='" + repost + "']")).getText())
        .contains("this item")
        .contains("Synthetic channel B")
        .doesNotContain("seen first");
    for (WebElement img : pair.findElements(By.tagName("img"))) {
      wait.until(
          d ->
              ((Number)
                          ((JavascriptExecutor) d)
                              .executeScript("return arguments[0].naturalWidth;", img))
                      .intValue()
                  > 0);
    }
    assertThat(pair.findElements(By.tagName("img"))).hasSize(2);
    // The later copy restricted to a group: there, but neither its picture nor its source.
    WebElement later = browser.findElement(By.id("copy-" + hidden));
    assertThat(later.getText()).contains("later copy").contains("(restricted)");
    assertThat(later.findElements(By.cssSelector("figure[data-item='" + hidden + "'] img")))
        .isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(SECRET_SOURCE);

    // At phone width the page does not scroll sideways.
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("custody-timeline")));
    long width =
        ((Number)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth;"))
            .longValue();
    assertThat(width)
        .as(String.valueOf(((JavascriptExecutor) browser).executeScript(WIDE)))
        .isLessThanOrEqualTo(390);

    // A timeline line's proof resolves to a page whose proof the JSON twin carries and verifies.
    browser.get(proofs.get(0));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proof-root")));
    String index = browser.findElement(By.id("proof-index")).getText();
    JsonNode p = proof(repost, Long.parseLong(index), Role.VIEWER);
    assertThat(browser.findElement(By.id("proof-root")).getText())
        .isEqualTo(p.get("root").asText());
    assertThat(browser.findElement(By.id("proof-entry")).getText()).contains("acquired");
    verify(p, Base64.getDecoder().decode(p.get("entry").asText()));
    assertThat(
            (Long)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth;"))
        .isLessThanOrEqualTo(390L);
  }

  private static final String WIDE =
      "var out = []; document.querySelectorAll('body *').forEach(function (e) {"
          + " var r = e.getBoundingClientRect(); if (r.right > 392 && out.length < 15)"
          + " out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); });"
          + " return out.join('\\n');";

  /** Checks a proof as a reader would: the signed checkpoint, the leaf, the path to the root. */
  private static void verify(JsonNode p, byte[] entry) {
    Checkpoint cp = NoteVerifier.parse(p.get("key").asText()).verify(p.get("checkpoint").asText());
    HexFormat hex = HexFormat.of();
    byte[] leaf = Merkle.leafHash(entry);
    assertThat(hex.formatHex(leaf)).isEqualTo(p.get("leafHash").asText());
    assertThat(cp.size()).isEqualTo(p.get("treeSize").asLong());
    assertThat(hex.formatHex(cp.root())).isEqualTo(p.get("root").asText());
    List<byte[]> path = new java.util.ArrayList<>();
    p.get("path").forEach(h -> path.add(hex.parseHex(h.asText())));
    Merkle.verifyInclusion(p.get("logIndex").asLong(), cp.size(), leaf, path, cp.root());
  }

  private static JsonNode proof(long id, long index, Role role) throws Exception {
    HttpResponse<byte[]> r = site.get("/api/evidence/" + id + "/custody/" + index + "/proof", role);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static byte[] halfSize(Path jpeg) throws IOException {
    BufferedImage img = ImageIO.read(jpeg.toFile());
    BufferedImage small =
        new BufferedImage(img.getWidth() / 2, img.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "jpg", out);
    return out.toByteArray();
  }
}
