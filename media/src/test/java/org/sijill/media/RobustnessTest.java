package org.sijill.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.index.MediaIndex;
import org.sijill.media.index.MediaItem;
import org.sijill.media.testing.TestVideos;

/** Bad input gives a clear error naming the file, and never damages the index. */
class RobustnessTest {
  @TempDir Path dir;
  private final MediaFingerprinter fp = new MediaFingerprinter();

  @Test
  void emptyFiles() throws IOException {
    for (String name : new String[] {"empty.jpg", "empty.mp4"}) {
      Path f = Files.createFile(dir.resolve(name));
      assertThatThrownBy(() -> fp.fingerprint(f))
          .isInstanceOf(MediaException.class)
          .hasMessageContaining(name)
          .hasMessageContaining("empty (0 bytes)");
    }
  }

  @Test
  void truncatedJpegIsRefusedNotFilledWithGrey() throws IOException {
    byte[] jpeg = Files.readAllBytes(TestData.pdq("bridge-1-original.jpg"));
    Path f = dir.resolve("half.jpg");
    Files.write(f, Arrays.copyOf(jpeg, jpeg.length / 2));
    assertThatThrownBy(() -> fp.fingerprint(f))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("half.jpg")
        .hasMessageContaining("damaged");
  }

  @Test
  void truncatedAndRandomVideos() throws IOException {
    Path good = TestVideos.write(dir.resolve("good.mp4"), 5, 0, 100, 500_000, x -> x);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.mp4");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    assertThatThrownBy(() -> fp.fingerprint(cut))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(cut.toString());
    Path noise = dir.resolve("noise.mp4");
    byte[] junk = new byte[20_000];
    new java.util.Random(3).nextBytes(junk);
    Files.write(noise, junk);
    assertThatThrownBy(() -> fp.fingerprint(noise))
        .isInstanceOf(MediaException.class)
        .hasMessageStartingWith(noise.toString());
  }

  @Test
  void truncatedAviWhoseIndexIsGoneIsReportedAsTruncated() throws IOException {
    Path good = TestVideos.write(dir.resolve("long.avi"), 5, 0, 150, 500_000, x -> x);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.avi");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> fp.fingerprint(cut))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("cut.avi")
        .hasMessageContaining("truncated");
  }

  @Test
  void decompressionBombsAreRefusedBeforeDecoding() throws IOException {
    Path png = dir.resolve("bomb.png");
    Files.write(png, pngHeader(100_000, 100_000));
    assertThatThrownBy(() -> fp.fingerprint(png))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("bomb.png")
        .hasMessageContaining("100000x100000")
        .hasMessageContaining("decompression bomb");
    Path y4m = dir.resolve("bomb.y4m");
    Files.write(
        y4m,
        "YUV4MPEG2 W16000 H16000 F25:1 Ip A1:1 C420jpeg\nFRAME\n"
            .getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> fp.fingerprint(y4m))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("bomb.y4m")
        .hasMessageContaining("decompression bomb");
  }

  @Test
  void anUnsupportedCodecIsNamed() throws IOException {
    Path avi = TestVideos.write(dir.resolve("v.avi"), 5, 0, 30, 500_000, x -> x);
    byte[] b = Files.readAllBytes(avi);
    replaceAll(b, "FMP4", "QQQQ"); // the codec tag, in the stream header and the format
    Path odd = dir.resolve("odd-codec.avi");
    Files.write(odd, b);
    assertThatThrownBy(() -> fp.fingerprint(odd))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining("odd-codec.avi")
        .hasMessageContaining("codec");
  }

  @Test
  void theIndexStaysIntactWhenAFileFails() throws IOException {
    Path idx = dir.resolve("media");
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      Fingerprint good = fp.fingerprint(TestData.pdq("mods-square-256x256.jpg"));
      m.add("k1", good, "test source", Instant.parse("2024-01-01T00:00:00Z"), "square.jpg");
      Path bad = Files.createFile(dir.resolve("bad.mp4"));
      assertThatThrownBy(() -> m.add("k2", fp.fingerprint(bad), "x", null, "bad.mp4"))
          .isInstanceOf(MediaException.class);
    }
    try (MediaIndex m = MediaIndex.openForReading(idx)) {
      assertThat(m.items()).extracting(MediaItem::key).containsExactly("k1");
      assertThat(m.frameCount()).isEqualTo(1);
    }
  }

  static void replaceAll(byte[] b, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.US_ASCII);
    byte[] t = to.getBytes(StandardCharsets.US_ASCII);
    int n = 0;
    for (int i = 0; i + f.length <= b.length; i++) {
      if (Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, b, i, t.length);
        n++;
      }
    }
    assertThat(n).isPositive();
  }

  /** A PNG signature and IHDR chunk declaring the given size, with no pixel data. */
  static byte[] pngHeader(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream c = new DataOutputStream(chunk);
    c.writeBytes("IHDR");
    c.writeInt(w);
    c.writeInt(h);
    c.write(new byte[] {8, 2, 0, 0, 0});
    byte[] body = chunk.toByteArray();
    d.writeInt(13);
    d.write(body);
    CRC32 crc = new CRC32();
    crc.update(body);
    d.writeInt((int) crc.getValue());
    return out.toByteArray();
  }
}
