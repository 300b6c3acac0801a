package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload several times larger than the server's heap goes into the vault (issue 13, item 1:
 * "streamed into the vault, never whole in memory"): {@code sijill serve} runs in its own JVM with
 * a 160 MB heap and receives a 480 MB file through {@code POST /api/evidence}, which the client
 * streams from a generator. Had any step held the file in memory, the server would answer 500 (an
 * {@code OutOfMemoryError}) instead of storing it with the SHA-256 of the bytes sent.
 *
 * <p>The same check past 4 GiB (the size; too slow for the build) is {@code mvn -pl cli
 * verify -Dtest=LargeUploadTest -Dsijill.test.upload.bytes=4400000000}.
 */
class LargeUploadTest {
  private static final String BOUNDARY = "sijill-large-upload-7f3a9c51e2d84b06";

  @TempDir Path data;

  @Test
  void aFileLargerThanTheServersHeapIsStreamedIntoTheVault() throws Exception {
    long size = Long.getLong("sijill.test.upload.bytes", 480L << 20);
    CliRun.addUser(data, "collector-1", "analyst");
    CliRun token = run("--data", data.toString(), "token", "create", "collector-1");
    assertThat(token.code()).as(token.err()).isZero();

    ServeProcessTest.Served served = ServeProcessTest.serve(data, List.of("-Xmx160m"));
    try {
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      byte[] head =
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nSynthetic"
                  + " archive\r\n--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"file\";"
                  + " filename=\"recording.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(served.url() + "api/evidence"))
              .header("Authorization", "Bearer " + token.out().strip())
              .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
              .timeout(Duration.ofMinutes(30))
              .POST(
                  HttpRequest.BodyPublishers.fromPublisher(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () ->
                              new SequenceInputStream(
                                  java.util.Collections.enumeration(
                                      List.of(
                                          new ByteArrayInputStream(head),
                                          new DigestInputStream(new Noise(size), sent),
                                          new ByteArrayInputStream(tail))))),
                      head.length + size + tail.length))
              .build();
      HttpResponse<String> r =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body() + "\n" + served.output()).isEqualTo(201);
      JsonNode item = new ObjectMapper().readTree(r.body()).at("/items/0");
      String sha = HexFormat.of().formatHex(sent.digest());
      assertThat(item.get("sha256").asText()).isEqualTo(sha);
      Path blob =
          data.resolve(
              "vault/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
      assertThat(Files.size(blob)).isEqualTo(size);
      // Nothing of it stays behind in the uploads folder (Jetty's part file, the batch's copy).
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!leftovers(data.resolve("uploads")).isEmpty() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(leftovers(data.resolve("uploads"))).isEmpty();
      // The server is still well, and never ran out of memory.
      assertThat(ServeProcessTest.get(served.url() + "login").statusCode()).isEqualTo(200);
      assertThat(served.output().toString()).doesNotContain("OutOfMemoryError");
    } finally {
      served.process().destroy();
      served.process().waitFor(60, TimeUnit.SECONDS);
    }
  }

  private static List<Path> leftovers(Path dir) throws java.io.IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** {@code size} bytes of a fixed pseudo-random sequence (xorshift), made as they are read. */
  private static final class Noise extends InputStream {
    private final long size;
    private long at;
    private long state = 0x9E3779B97F4A7C15L;

    Noise(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - at);
      for (int i = 0; i < n; i++) {
        if (((at + i) & 7) == 0) {
          state ^= state << 13;
          state ^= state >>> 7;
          state ^= state << 17;
        }
        b[off + i] = (byte) (state >>> (((at + i) & 7) * 8));
      }
      at += n;
      return n;
    }
  }
}
