package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.workflow.testing.Chromium;

/**
 * The verification desk's way in, on a fresh case with its own vault: files sent to {@code POST
 * /api/evidence} or through the upload form land in the vault with their provenance, and the answer
 * says "new" or names the earliest copy seen before. The pictures are PDQ's public test images (a
 * photo of a bridge and the same photo turned upside down).
 */
class EvidenceDeskTest {
  private static final Path PDQ = Path.of("../media/src/test/resources/pdq");
  private static final Path BRIDGE = PDQ.resolve("bridge-1-original.jpg");
  private static final Path BRIDGE_TURNED = PDQ.resolve("bridge-3-rotate-180.jpg");

  /** A drawn picture unlike the bridge (PDQ's other test images are modified bridges). */
  private static Path other;

  private static Path dataDir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static EvidenceServer site;
  private static CaseFile caseFile;
  private static WebDriver browser;

  @BeforeAll
  static void start(@TempDir Path data) throws IOException {
    dataDir = data;
    other = data.resolve("drawn-scene.png");
    javax.imageio.ImageIO.write(scene(5), "png", other.toFile());
    site = new EvidenceServer(data, "desk", "Desk");
    caseFile = site.caseFile;
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    site.close();
  }

  @Test
  void anUploadIsNewThenItsTurnedCopyIsSeenBeforeWithTheEarliestAcquisition() throws Exception {
    HttpResponse<String> first =
        upload(
            Role.ANALYST,
            List.of(BRIDGE),
            Map.of(
                "source", "Synthetic channel A",
                "url", "https://example.org/post/1",
                "acquiredAt", "2025-03-06T18:00:00Z",
                "note", "صورة اختبار"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode item = JSON.readTree(first.body()).at("/items/0");
    long id = item.get("id").asLong();
    assertThat(item.get("sha256").asText()).hasSize(64);
    assertThat(item.get("seen")).isEmpty();
    var stored = caseFile.evidence().find(id).orElseThrow();
    assertThat(stored.originalName()).isEqualTo("bridge-1-original.jpg");
    assertThat(stored.originalUrl()).isEqualTo("https://example.org/post/1");
    assertThat(stored.acquiredBy()).isEqualTo("desk-analyst");
    assertThat(caseFile.evidence().events(id)).extracting(e -> e.action()).contains("acquired");

    HttpResponse<String> second =
        upload(
            Role.ANALYST,
            List.of(BRIDGE_TURNED, other),
            Map.of("source", "Synthetic channel B", "acquiredAt", "2025-03-09"));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    JsonNode items = JSON.readTree(second.body()).get("items");
    assertThat(items).hasSize(2);
    JsonNode seen = items.get(0).get("seen");
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(seen.get(0).get("sha256").asText()).isEqualTo(item.get("sha256").asText());
    assertThat(seen.get(0).get("distance").asInt()).isLessThan(32);
    assertThat(seen.get(0).get("acquiredAt").asText()).startsWith("2025-03-06T18:00");
    assertThat(items.get(1).get("seen")).isEmpty();
    // The copies the upload went through are gone once the vault holds the bytes.
    try (var left = Files.list(dataDir.resolve("uploads"))) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("batch-"));
    }

    // The same bytes again: seen before at distance 0, and a second acquisition is logged.
    long acquisitions =
        caseFile.evidence().events(id).stream().filter(e -> e.action().equals("acquired")).count();
    HttpResponse<String> again = upload(Role.ANALYST, List.of(BRIDGE), Map.of());
    JsonNode repeat = JSON.readTree(again.body()).at("/items/0");
    assertThat(repeat.get("id").asLong()).isEqualTo(id);
    assertThat(repeat.at("/seen/0/distance").asInt()).isZero();
    assertThat(
            caseFile.evidence().events(id).stream()
                .filter(e -> e.action().equals("acquired"))
                .count())
        .isEqualTo(acquisitions + 1);
  }

  @Test
  void theOriginalIsServedAsStoredAndEveryViewingIsLogged(@TempDir Path tmp) throws Exception {
    Path text = Files.writeString(tmp.resolve("page.html"), "<script>alert(1)</script>");
    Path drawn = tmp.resolve("drawn-7.png");
    javax.imageio.ImageIO.write(scene(7), "png", drawn.toFile());
    JsonNode items =
        JSON.readTree(upload(Role.ANALYST, List.of(drawn, text), Map.of()).body()).get("items");
    long picture = items.get(0).get("id").asLong();
    long page = items.get(1).get("id").asLong();
    long viewsBefore = views(picture);

    HttpResponse<byte[]> r = getBytes(Role.VIEWER, "/api/evidence/" + picture + "/original");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(Files.readAllBytes(drawn));
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(views(picture)).isEqualTo(viewsBefore + 1);
    assertThat(caseFile.evidence().events(picture))
        .anySatisfy(e -> assertThat(e.actor()).isEqualTo("desk-viewer"));

    // An HTML file is never shown as a page of this site: it comes as a download that runs nothing.
    HttpResponse<byte[]> h = getBytes(Role.VIEWER, "/api/evidence/" + page + "/original");
    assertThat(h.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/octet-stream"));
    assertThat(h.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    assertThat(h.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(c -> assertThat(c).startsWith("sandbox"));

    assertThat(getBytes(null, "/api/evidence/" + picture + "/original").statusCode())
        .isEqualTo(401);
    assertThat(getBytes(Role.VIEWER, "/api/evidence/999999/original").statusCode()).isEqualTo(404);
  }

  private static long views(long id) {
    return caseFile.evidence().events(id).stream().filter(e -> e.action().equals("viewed")).count();
  }

  private static HttpResponse<byte[]> getBytes(Role role, String path) throws Exception {
    return site.get(path, role);
  }

  @Test
  void badProvenanceIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = caseFile.evidence().count();
    HttpResponse<String> r =
        upload(Role.ANALYST, List.of(other), Map.of("acquiredAt", "last Tuesday"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("acquiredAt");
    HttpResponse<String> url =
        upload(Role.ANALYST, List.of(other), Map.of("url", "javascript:alert(1)"));
    assertThat(url.statusCode()).isEqualTo(400);
    assertThat(url.body()).contains("url");
    HttpResponse<String> none = upload(Role.ANALYST, List.of(), Map.of("source", "x"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(caseFile.evidence().count()).isEqualTo(before);
  }

  @Test
  void onlyAnAnalystOrAboveMayUpload(@TempDir Path tmp) throws Exception {
    long before = caseFile.evidence().count();
    // A body small enough to be sent whole before the refusal: the server answers without reading
    // an upload it refuses, and may close the connection while a large one is still being sent,
    // which the client then reports as a broken connection instead of the answer.
    Path small = Files.writeString(tmp.resolve("note.txt"), "not stored");
    assertThat(upload(null, List.of(small), Map.of()).statusCode()).isEqualTo(401);
    assertThat(upload(Role.VIEWER, List.of(small), Map.of()).statusCode()).isEqualTo(403);
    assertThat(caseFile.evidence().count()).isEqualTo(before);
  }

  @Test
  void theUploadFormSaysNewThenSeenBefore(@TempDir Path tmp) throws IOException {
    // A drawn picture of its own, so this test does not depend on what the API test stored, and
    // the same picture at half size as a JPEG: a re-post.
    java.awt.image.BufferedImage scene = scene(11);
    Path original = tmp.resolve("scene-as-posted.png");
    javax.imageio.ImageIO.write(scene, "png", original.toFile());
    Path recycled = tmp.resolve("recycled.jpg");
    javax.imageio.ImageIO.write(half(scene), "jpg", recycled.toFile());
    startBrowser();
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(60));
    browser.get(site.base() + "/evidence/new");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys("desk-analyst");
    browser.findElement(By.name("password")).sendKeys(EvidenceServer.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));

    browser.findElement(By.id("upload-file")).sendKeys(original.toAbsolutePath().toString());
    browser.findElement(By.id("upload-source")).sendKeys("قناة اصطناعية");
    browser.findElement(By.id("upload-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#received .new")));
    assertThat(browser.findElement(By.id("received")).getText())
        .contains("scene-as-posted.png", "new");
    // The progress bar, hidden until the upload starts, followed it to the end.
    WebElement bar = browser.findElement(By.id("upload-progress"));
    assertThat(bar.isDisplayed()).isTrue();
    assertThat(bar.getDomProperty("value")).isEqualTo("100");

    browser.findElement(By.id("upload-file")).clear();
    browser.findElement(By.id("upload-file")).sendKeys(recycled.toAbsolutePath().toString());
    browser.findElement(By.id("upload-source")).clear();
    browser.findElement(By.id("upload-source")).sendKeys("Synthetic repost");
    browser.findElement(By.id("upload-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#received .seen")));
    String said = browser.findElement(By.cssSelector("#received .seen")).getText();
    assertThat(said).startsWith("seen before: earliest copy acquired").contains("from");
    String earlier = browser.findElement(By.cssSelector("#received .received-item ul a")).getText();
    // The re-post's page shows the picture from the vault and names the earlier copy.
    browser.findElement(By.cssSelector("#received .received-item > a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("near-duplicates")));
    wait.until(
        d ->
            (Boolean)
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                        "var i = document.getElementById('original-image');"
                            + " return i != null && i.complete && i.naturalWidth > 0;"));
    assertThat(browser.findElement(By.cssSelector("#near-duplicates .copies")).getText())
        .contains(earlier, "scene-as-posted.png");
    // Showing it was a viewing: the custody log says who looked.
    long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/evidence/", ""));
    assertThat(caseFile.evidence().events(id))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("viewed");
              assertThat(e.actor()).isEqualTo("desk-analyst");
            });
  }

  /** Random coloured shapes on a gradient: a picture no other test draws. */
  private static java.awt.image.BufferedImage scene(long seed) {
    java.util.Random r = new java.util.Random(seed);
    var img = new java.awt.image.BufferedImage(480, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setPaint(
        new java.awt.GradientPaint(0, 0, java.awt.Color.WHITE, 480, 360, java.awt.Color.GRAY));
    g.fillRect(0, 0, 480, 360);
    for (int i = 0; i < 40; i++) {
      g.setColor(new java.awt.Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int x = r.nextInt(440);
      int y = r.nextInt(320);
      if (i % 2 == 0) {
        g.fillRect(x, y, 20 + r.nextInt(100), 20 + r.nextInt(80));
      } else {
        g.fillOval(x, y, 20 + r.nextInt(100), 20 + r.nextInt(80));
      }
    }
    g.dispose();
    return img;
  }

  private static java.awt.image.BufferedImage half(java.awt.image.BufferedImage img) {
    var small =
        new java.awt.image.BufferedImage(
            img.getWidth() / 2, img.getHeight() / 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = small.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    return small;
  }

  private static void startBrowser() {
    browser = Chromium.start();
  }

  /** A multipart upload as a script sends it: the files as {@code file}, then the fields. */
  private static HttpResponse<String> upload(
      Role role, List<Path> files, Map<String, String> fields)
      throws IOException, InterruptedException {
    List<Map.Entry<String, byte[]>> parts = new java.util.ArrayList<>();
    for (Path f : files) {
      parts.add(Map.entry(f.getFileName().toString(), Files.readAllBytes(f)));
    }
    return site.upload(role, parts, fields);
  }
}
