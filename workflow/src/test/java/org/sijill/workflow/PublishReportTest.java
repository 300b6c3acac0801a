package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.Confidentiality;
import org.sijill.casefile.model.Enums.SourceKind;
import org.sijill.casefile.repo.Victims.NewRecord;
import org.sijill.estimate.EstimationOptions;
import org.sijill.workflow.testing.Chromium;

/**
 * The demo case, plus a confidential witness list whose persons and columns carry random secrets,
 * published as a report: every proof verifies, a flipped byte is named, the secrets appear in no
 * file (nor in the PDF's text), the PDF shows the site's totals, and a second edition proves it
 * only added to the first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishReportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET_SOURCE = "src" + UUID.randomUUID().toString().replace("-", "");
  static final String SECRET_NAME =
      "Qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  static final String SECRET_CONTACT = "tel" + UUID.randomUUID().toString().replace("-", "");
  static final String SECRET_INCIDENT = "Inc" + UUID.randomUUID().toString().replace("-", "");
  static final String SECRET_FATHER =
      "Fq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  static final EstimationOptions OPTIONS =
      EstimationOptions.defaults(7).withMethods(EnumSet.of(EstimationOptions.Method.LOGLINEAR));

  @TempDir static Path tmp;
  static CaseFile caseFile;
  static Path data;
  static Path first;
  static PublishReport.Result result;

  @BeforeAll
  static void publish() throws Exception {
    caseFile = TestDatabases.openCase();
    data = tmp.resolve("data");
    Files.createDirectories(data);
    DemoCase.load(caseFile, DemoCase.DEFAULT_SEED);
    long witness =
        caseFile
            .sources()
            .add(
                SourceKind.WITNESS,
                null,
                SECRET_SOURCE,
                Confidentiality.CONFIDENTIAL,
                null,
                "test");
    List<NewRecord> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String raw =
          JSON.writeValueAsString(
              java.util.Map.of(
                  "record_id", "w" + i,
                  "full_name", SECRET_NAME + " " + i,
                  "witness_contact", SECRET_CONTACT));
      rows.add(
          new NewRecord(
              i + 2,
              "w" + i,
              SECRET_NAME + " " + i,
              null,
              SECRET_FATHER,
              null,
              null,
              "M",
              30,
              "adult",
              "2025-03-07",
              null,
              "Idlib",
              "civilian",
              SECRET_CONTACT,
              JSON.writeValueAsString(java.util.Map.of("witness_contact", SECRET_CONTACT)),
              raw));
    }
    try (EvidenceVault vault = EvidenceVault.open(data, caseFile)) {
      new DemoEvidence(vault).add(DemoCase.DEFAULT_SEED);
    }
    // An incident restricted to an access group: not in the public report.
    long incident =
        caseFile
            .incidents()
            .add(
                new org.sijill.casefile.repo.Incidents.NewIncident(
                    null,
                    SECRET_INCIDENT,
                    "mass_killing",
                    SECRET_INCIDENT,
                    java.time.LocalDate.of(2025, 3, 8),
                    "day",
                    null,
                    "day",
                    null,
                    3,
                    3,
                    3,
                    "under_review"),
                "test");
    long group = caseFile.accessGroups().create("inner-circle", "test");
    caseFile.accessGroups().restrict("incident", incident, group, "test");
    caseFile
        .victims()
        .importList(
            SECRET_SOURCE + "-list",
            witness,
            "w.csv",
            "0".repeat(64),
            "UTF-8",
            rows,
            "test",
            n -> {});
    new LinkCase(caseFile)
        .link(LinkCase.Request.of(CountDemoCase.settings(), "test"), ProgressListener.NONE);
    new EstimateCase(caseFile)
        .estimate(
            new EstimateCase.Request(OPTIONS, List.of("governorate"), "test"),
            ProgressListener.NONE);
    first = tmp.resolve("edition-1");
    result =
        new PublishReport(caseFile, data)
            .publish(
                new PublishReport.Request(first, Optional.empty(), Optional.empty(), true, "test"),
                ProgressListener.NONE);
  }

  @Test
  void everyPersonIsListedOrCountedAsWithheld() {
    assertThat(result.listed() + result.withheld()).isEqualTo(result.documented());
    assertThat(result.withheld()).isGreaterThanOrEqualTo(3);
    assertThat(first.resolve("index.html")).exists();
    assertThat(first.resolve("index-ar.html")).exists();
    assertThat(first.resolve("assets/leaflet/leaflet.js")).exists();
    assertThat(first.resolve("assets/echarts.min.js")).exists();
  }

  @Test
  void evidenceIsShownPerIncidentWithItsVerdictAndRecordedAsAnInput() throws Exception {
    JsonNode n = JSON.readTree(first.resolve("data/numbers.json").toFile());
    List<String> shown = new ArrayList<>();
    n.path("incidents")
        .forEach(i -> i.path("evidence").forEach(e -> shown.add(e.path("sha256").asText())));
    assertThat(shown).isNotEmpty();
    String html = Files.readString(first.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains(shown.get(0));
    JsonNode inputs = JSON.readTree(first.resolve("data/inputs.json").toFile());
    List<String> recorded = new ArrayList<>();
    inputs.path("evidence_sha256").forEach(x -> recorded.add(x.asText()));
    assertThat(recorded).containsAll(shown);
    assertThat(n.path("incidents_not_shown").asInt()).isEqualTo(1);
  }

  @Test
  void everyProofAndTheCheckpointVerify() {
    VerifyReport.Result r = new VerifyReport().verify(first, Optional.empty());
    assertThat(r.faults()).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("inclusion proofs lead to the signed root"));
  }

  @Test
  void aFlippedByteInTheListIsNamed() throws Exception {
    Path copy = copyOf(first, "flip-list");
    Path list = copy.resolve("data/list.json");
    String text = Files.readString(list, StandardCharsets.UTF_8);
    int at = text.indexOf("\\\"name\\\":\\\"") + 12;
    char c = text.charAt(at);
    Files.writeString(
        list,
        text.substring(0, at) + (char) (c == 'x' ? 'y' : 'x') + text.substring(at + 1),
        StandardCharsets.UTF_8);
    VerifyReport.Result r = new VerifyReport().verify(copy, Optional.empty());
    assertThat(r.ok()).isFalse();
    assertThat(r.faults())
        .anyMatch(f -> f.startsWith("data/list.json: changed since it was signed"));
    assertThat(r.faults()).anyMatch(f -> f.startsWith("data/list.json: entry 0 "));
  }

  @Test
  void aChangedNumberIsNamed() throws Exception {
    Path copy = copyOf(first, "flip-number");
    Path numbers = copy.resolve("data/numbers.json");
    String text = Files.readString(numbers, StandardCharsets.UTF_8);
    String documented = "\"documented\" : " + result.documented();
    assertThat(text).contains(documented);
    Files.writeString(
        numbers,
        text.replace(documented, "\"documented\" : " + (result.documented() + 1)),
        StandardCharsets.UTF_8);
    VerifyReport.Result r = new VerifyReport().verify(copy, Optional.empty());
    assertThat(r.faults())
        .containsExactly(
            "data/numbers.json: changed since it was signed (SHA-256 "
                + ReportManifest.sha256(numbers)
                + ", manifest "
                + ReportManifest.hashes(first).get("data/numbers.json")
                + ")");
  }

  @Test
  void noSecretLeavesTheCase() throws Exception {
    List<String> secrets =
        List.of(SECRET_SOURCE, SECRET_NAME, SECRET_CONTACT, SECRET_FATHER, SECRET_INCIDENT);
    List<Path> files;
    try (Stream<Path> s = Files.walk(first)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      String utf8 = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      for (String s : secrets) {
        assertThat(bytes).as(f + " holds a secret").doesNotContain(s);
        assertThat(utf8).as(f + " holds a secret").doesNotContain(s);
      }
    }
    String pdf = pdfText(first.resolve("report.pdf"));
    for (String s : secrets) {
      assertThat(pdf).doesNotContain(s);
    }
  }

  @Test
  void thePdfShowsTheSameTotals() throws Exception {
    JsonNode n = JSON.readTree(first.resolve("data/numbers.json").toFile());
    String pdf = pdfText(first.resolve("report.pdf"));
    String html = Files.readString(first.resolve("index.html"), StandardCharsets.UTF_8);
    String documented = ReportHtml.num(n.path("documented").asLong());
    JsonNode rec = null;
    for (JsonNode e : n.path("strata").path(0).path("estimates")) {
      if (e.path("recommended").asBoolean()) {
        rec = e;
      }
    }
    assertThat(rec).isNotNull();
    String estimate = ReportHtml.num(Math.round(rec.path("total").asDouble()));
    assertThat(pdf).contains("Persons documented by name").contains(documented).contains(estimate);
    assertThat(html).contains(documented).contains(estimate);
    // every listed entry's id is in the PDF's list
    assertThat(pdf)
        .contains(
            "P"
                + JSON.readTree(
                        JSON.readTree(first.resolve("data/list.json").toFile())
                            .path("entries")
                            .path(0)
                            .path("entry")
                            .asText())
                    .path("id")
                    .asText()
                    .substring(1));
  }

  @Test
  void theClaimRowsAreTheCountingDesksLedger() throws Exception {
    JsonNode claims = JSON.readTree(first.resolve("data/numbers.json").toFile()).path("claims");
    // The report is public: the ledger as someone in no access group reads it (/desk/claims).
    List<ClaimsLedger.Entry> ledger =
        new ClaimsLedger(caseFile)
            .entries(org.sijill.workflow.access.Visibility.of(caseFile, Optional.empty()));
    assertThat(ledger).isNotEmpty();
    assertThat(ledger).anyMatch(e -> e.documented() != null && e.estimate() != null);
    assertThat(claims).hasSize(ledger.size());
    for (int i = 0; i < ledger.size(); i++) {
      ClaimsLedger.Entry e = ledger.get(i);
      JsonNode c = claims.get(i);
      assertThat(c.path("claimant").asText()).isEqualTo(e.claim().claimant());
      assertThat(c.path("figure").asText()).isEqualTo(e.claim().figureText());
      List<String> places = new ArrayList<>();
      c.path("places").forEach(p -> places.add(p.asText()));
      assertThat(places).isEqualTo(e.places());
      if (e.documented() == null) {
        assertThat(c.path("documented").isNull()).isTrue();
      } else {
        assertThat(c.path("documented").asLong()).isEqualTo(e.documented());
      }
      if (e.estimate() == null) {
        assertThat(c.has("estimate")).isFalse();
      } else {
        assertThat(c.path("estimate").path("total").asDouble())
            .isEqualTo(ReportContent.round(e.estimate().total()));
        assertThat(c.path("estimate").path("method").asText()).isEqualTo(e.estimate().method());
        assertThat(c.path("estimate").path("covers").asText()).isEqualTo(e.estimate().covers());
      }
      assertThat(c.path("evidence").asLong()).isEqualTo(e.evidence());
      List<String> marks = new ArrayList<>();
      c.path("marks").forEach(m -> marks.add(m.asText()));
      assertThat(marks).isEqualTo(e.marks());
    }
  }

  /**
   * Every page of the PDF rendered by poppler's {@code pdftoppm}: more than one page, none blank,
   * and the Arabic pages carry ink (a font without Arabic glyphs would leave them nearly empty).
   */
  @Test
  void pdftoppmRendersEveryPageAndTheArabicPagesAreNotBlank() throws Exception {
    Path pdf = first.resolve("report.pdf");
    Path pages = tmp.resolve("pdf-pages");
    Files.createDirectories(pages);
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "pdftoppm", "-r", "40", "-gray", "-png", pdf.toString(), pages + "/page")
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "pdftoppm is missing: install Debian's poppler-utils (apt-get install -y poppler-utils;"
              + " .ci/run does)",
          e);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();

    int count;
    List<Boolean> arabic = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      count = doc.getNumberOfPages();
      PDFTextStripper strip = new PDFTextStripper();
      for (int i = 1; i <= count; i++) {
        strip.setStartPage(i);
        strip.setEndPage(i);
        arabic.add(strip.getText(doc).codePoints().anyMatch(PublishReportTest::arabicLetter));
      }
    }
    List<Path> images;
    try (Stream<Path> s = Files.list(pages)) {
      images = s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
    }
    assertThat(count).isGreaterThan(1);
    assertThat(images).hasSize(count);
    assertThat(arabic).contains(true);
    for (int i = 0; i < count; i++) {
      java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(images.get(i).toFile());
      long ink = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          if ((img.getRGB(x, y) & 0xff) < 160) {
            ink++;
          }
        }
      }
      double share = ink / (double) (img.getWidth() * img.getHeight());
      assertThat(share)
          .as("page %d (%s): share of dark pixels", i + 1, arabic.get(i) ? "Arabic" : "Latin")
          .isGreaterThan(arabic.get(i) ? 0.005 : 0.001);
    }
  }

  private static boolean arabicLetter(int cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0xFB50 && cp <= 0xFEFF);
  }

  @Test
  void theNumbersReproduce() {
    ReproduceReport.Result r =
        new ReproduceReport(caseFile).reproduce(first, ProgressListener.NONE);
    assertThat(r.differences()).isEmpty();
    assertThat(r.checked()).isGreaterThan(20);
  }

  @Test
  void theSiteWorksFromFileInChromium() throws Exception {
    WebDriver browser = Chromium.start();
    try {
      browser.get(first.resolve("index-ar.html").toUri().toString());
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      wait.until(d -> "yes".equals(d.findElement(By.tagName("body")).getAttribute("data-drawn")));
      assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
      assertThat(browser.findElement(By.tagName("body")).getAttribute("data-map-error")).isNull();
      assertThat(browser.findElement(By.tagName("body")).getAttribute("data-chart-error")).isNull();
      // Leaflet drew the outline and the incidents; ECharts drew both charts on canvases.
      assertThat(browser.findElements(By.cssSelector("#map .leaflet-overlay-pane path")))
          .hasSizeGreaterThan(5);
      assertThat(browser.findElement(By.id("map")).getAttribute("data-markers")).isNotEqualTo("0");
      assertThat(browser.findElements(By.cssSelector("#timeline canvas"))).isNotEmpty();
      assertThat(browser.findElements(By.cssSelector("#strata-chart canvas"))).isNotEmpty();
      assertThat(browser.findElement(By.tagName("h1")).getText()).contains("تقرير");
      Files.write(
          tmp.resolve("index-ar.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

      browser.get(first.resolve("verify.html").toUri().toString());
      wait.until(d -> d.findElement(By.id("signature")).getAttribute("data-ok") != null);
      assertThat(browser.findElement(By.id("signature")).getAttribute("data-ok")).isEqualTo("true");
      browser.findElement(By.id("check-all")).click();
      wait.until(d -> d.findElement(By.id("all-result")).getAttribute("data-ok") != null);
      assertThat(browser.findElement(By.id("all-result")).getText())
          .startsWith("OK: all " + result.listed() + " entries");

      String entry =
          JSON.readTree(first.resolve("data/list.json").toFile())
              .path("entries")
              .path(3)
              .path("entry")
              .asText();
      WebElement box = browser.findElement(By.id("entry"));
      ((JavascriptExecutor) browser)
          .executeScript("arguments[0].value = arguments[1];", box, entry);
      browser.findElement(By.id("check-one")).click();
      wait.until(d -> d.findElement(By.id("one-result")).getAttribute("data-ok") != null);
      assertThat(browser.findElement(By.id("one-result")).getText()).startsWith("OK: entry #3 of");

      String tampered =
          entry
              .replace("\"sex\":\"M\"", "\"sex\":\"F\"")
              .replace("\"sex\":\"F\"}", "\"sex\":\"M\"}");
      tampered = tampered.equals(entry) ? entry.replace("\"id\":\"P", "\"id\":\"P9") : tampered;
      ((JavascriptExecutor) browser)
          .executeScript(
              "arguments[0].value = arguments[1]; document.getElementById('one-result').removeAttribute('data-ok');",
              box,
              tampered);
      browser.findElement(By.id("check-one")).click();
      wait.until(d -> d.findElement(By.id("one-result")).getAttribute("data-ok") != null);
      assertThat(browser.findElement(By.id("one-result")).getAttribute("data-ok"))
          .isEqualTo("false");
      assertThat(browser.findElement(By.id("one-result")).getText())
          .startsWith("NOT in the signed list");

      // The page's own SHA-256 (for browsers without WebCrypto) agrees with the JDK's.
      Object own =
          ((JavascriptExecutor) browser)
              .executeScript("return window.sijillSha256Own(arguments[0]);", entry);
      assertThat(own)
          .isEqualTo(
              java.util.HexFormat.of()
                  .formatHex(ReportKey.sha256(entry.getBytes(StandardCharsets.UTF_8))));
    } finally {
      browser.quit();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE) // changes the case: after every test of the first edition
  void aSecondEditionProvesItOnlyAdded_aThirdListsWhatChangedAndWhy() throws Exception {
    // The witness agrees to be named: their source is corrected to public, so the persons only
    // they named join the list (appended after the first edition's entries).
    var witness = caseFile.sources().findByName(SECRET_SOURCE).orElseThrow();
    caseFile
        .sources()
        .correct(
            new org.sijill.casefile.model.Source(
                witness.id(),
                witness.version(),
                witness.kind(),
                witness.nameAr(),
                witness.nameEn(),
                "public",
                witness.url(),
                witness.notes(),
                witness.recordedAt(),
                witness.recordedBy()),
            "test",
            "the witness agreed to be named");
    Path second = tmp.resolve("edition-2");
    PublishReport.Result r2 =
        new PublishReport(caseFile, data)
            .publish(
                new PublishReport.Request(
                    second, Optional.of(first), Optional.empty(), false, "test"),
                ProgressListener.NONE);
    assertThat(r2.changes()).isEmpty();
    assertThat(r2.extendsPrevious()).isTrue();
    assertThat(r2.listed()).isEqualTo(result.listed() + 3);
    VerifyReport.Result v2 = new VerifyReport().verify(second, Optional.of(first));
    assertThat(v2.faults()).isEmpty();
    assertThat(v2.notes()).anyMatch(n -> n.contains("only added to the previous one"));

    // An administrator withholds one listed person: the third edition cannot extend the second.
    JsonNode entry0 =
        JSON.readTree(
            JSON.readTree(second.resolve("data/list.json").toFile())
                .path("entries")
                .path(0)
                .path("entry")
                .asText());
    String id = entry0.path("id").asText();
    new WithholdPerson(caseFile).withhold(Long.parseLong(id.substring(1)), "family asked", "test");
    Path third = tmp.resolve("edition-3");
    PublishReport.Result r3 =
        new PublishReport(caseFile, data)
            .publish(
                new PublishReport.Request(
                    third, Optional.of(second), Optional.empty(), false, "test"),
                ProgressListener.NONE);
    assertThat(r3.extendsPrevious()).isFalse();
    assertThat(r3.changes()).containsExactly(id + ": withheld by an administrator: family asked");
    assertThat(r3.withheld()).isEqualTo(r2.withheld() + 1);
    VerifyReport.Result v3 = new VerifyReport().verify(third, Optional.of(second));
    assertThat(v3.faults()).isEmpty();
    assertThat(v3.notes())
        .contains(
            "changed since the previous edition: "
                + id
                + ": withheld by an administrator: family asked");

    // A third edition that drops the entry without saying so is caught.
    Path silent = copyOf(third, "edition-3-silent");
    Path changes = silent.resolve("data/changes.json");
    JsonNode c = JSON.readTree(changes.toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.path("changes")).removeAll();
    Files.writeString(changes, JSON.writeValueAsString(c));
    VerifyReport.Result v4 = new VerifyReport().verify(silent, Optional.of(second));
    assertThat(v4.faults())
        .contains("previous entry " + id + " is gone without a reason in data/changes.json");
  }

  private static String pdfText;

  static synchronized String pdfText(Path pdf) throws Exception {
    if (pdfText == null) {
      try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
        pdfText = new PDFTextStripper().getText(d);
      }
    }
    return pdfText;
  }

  static Path copyOf(Path from, String name) throws Exception {
    Path to = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }
}
