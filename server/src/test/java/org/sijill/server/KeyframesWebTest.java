package org.sijill.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.media.video.VideoWriter;
import org.sijill.workflow.testing.Chromium;

/**
 * The keyframe strip of a video on the evidence page and its API twin, on a fresh case with its own
 * vault and a synthetic video (coloured cards, one colour a second, written with FFmpeg).
 */
class KeyframesWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EvidenceServer site;
  private static CaseFile caseFile;
  private static WebDriver browser;
  private static long videoId;
  private static long pictureId;

  @BeforeAll
  static void start(@TempDir Path data) throws Exception {
    site = new EvidenceServer(data, "kf", "Keyframes");
    caseFile = site.caseFile;
    Path video = data.resolve("cards.mp4");
    try (VideoWriter w = VideoWriter.open(video, 320, 240, 10, "mpeg4", 400_000)) {
      for (int i = 0; i < 120; i++) {
        BufferedImage f = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = f.createGraphics();
        g.setColor(Color.getHSBColor((i / 10) / 12f, 0.8f, 0.9f));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.fillRect(20 + 20 * (i / 10), 100, 30, 40);
        g.dispose();
        w.write(f);
      }
    }
    videoId = upload(video);
    Path picture = data.resolve("card.png");
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
    pictureId = upload(picture);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    site.close();
  }

  private static long upload(Path f) throws IOException, InterruptedException {
    return site.upload(f.getFileName().toString(), Files.readAllBytes(f), Map.of());
  }

  @Test
  void theApiListsTheStripAndHandsOutEachFrameAsALoggedJpeg() throws Exception {
    HttpResponse<byte[]> list = site.get("/api/evidence/" + videoId + "/keyframes", Role.VIEWER);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(list.body());
    assertThat(body.get("total").asInt()).isEqualTo(8);
    assertThat(body.at("/items/0/seconds").asDouble()).isZero();
    assertThat(body.at("/items/7/seconds").asDouble()).isBetween(9.0, 12.0);
    String href = body.at("/items/5/href").asText();
    assertThat(href).isEqualTo("/api/evidence/" + videoId + "/keyframes/5");

    HttpResponse<byte[]> frame = site.get(href + "?download=1", Role.VIEWER);
    assertThat(frame.statusCode()).isEqualTo(200);
    assertThat(frame.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
    assertThat(frame.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains("cards-at-");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(frame.body()));
    assertThat(img.getWidth()).isEqualTo(320);
    assertThat(
            caseFile.evidence().events(videoId).stream()
                .filter(e -> e.action().equals("viewed"))
                .map(e -> e.actor() + " " + e.details()))
        .anyMatch(s -> s.startsWith("kf-viewer") && s.contains("keyframe 5 download"));

    assertThat(site.get("/api/evidence/" + videoId + "/keyframes/8", Role.VIEWER).statusCode())
        .isEqualTo(404);
    assertThat(site.get("/api/evidence/" + videoId + "/keyframes/x", Role.VIEWER).statusCode())
        .isEqualTo(400);
    assertThat(site.get("/api/evidence/" + videoId + "/keyframes", null).statusCode())
        .isEqualTo(401);
    JsonNode none =
        JSON.readTree(site.get("/api/evidence/" + pictureId + "/keyframes", Role.VIEWER).body());
    assertThat(none.get("items")).isEmpty();
  }

  @Test
  void theStripUnderThePlayerSeeksTheVideoAndAKeyframeDownloads(@TempDir Path tmp) {
    browser = Chromium.start();
    WebDriverWait wait = Waits.of(browser, Duration.ofSeconds(60));
    browser.get(site.base() + "/evidence/" + videoId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
    browser.findElement(By.name("username")).sendKeys("kf-viewer");
    browser.findElement(By.name("password")).sendKeys(EvidenceServer.PASSWORD);
    browser.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("keyframe-strip")));
    var buttons = browser.findElements(By.cssSelector("#keyframe-strip button.seek"));
    assertThat(buttons).hasSize(8);
    WebElement third = buttons.get(3);
    double t = Double.parseDouble(third.getAttribute("data-seek"));
    assertThat(t).isPositive();
    // The thumbnail is a real picture from the server.
    wait.until(
        d ->
            ((Number)
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return arguments[0].naturalWidth;",
                                third.findElement(By.tagName("img"))))
                    .intValue()
                > 0);
    third.click();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    wait.until(
        d ->
            Math.abs(
                    ((Number)
                                js.executeScript(
                                    "return document.getElementById('original-video').currentTime;"))
                            .doubleValue()
                        - t)
                < 0.5);
    assertThat(browser.findElement(By.id("original-video")).getAttribute("data-seeked-to"))
        .isEqualTo(third.getAttribute("data-seek"));
    // The Save link answers a JPEG as an attachment (fetched with the browser's own session).
    String href = browser.findElement(By.id("keyframe-download-3")).getAttribute("href");
    Object answer =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { done(r.status + ' '"
                + " + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition')); });",
            href);
    assertThat(String.valueOf(answer)).startsWith("200 image/jpeg").contains(" attachment;");
  }
}
