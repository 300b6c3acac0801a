package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  /** The two-thread path and the one-buffer path give the JDK's digests and copy every byte. */
  @Test
  void matchesPlainDigestsAtEverySizeAroundTheBufferEdges() throws Exception {
    Random rnd = new Random(5);
    int b = Digests.BUFFER;
    for (int size : new int[] {0, 1, b - 1, b, b + 1, 4 * b, 5 * b + 7, 9 * b + 3}) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      Digests.Result r = Digests.copy(new ByteArrayInputStream(data), copy);
      HexFormat hex = HexFormat.of();
      assertThat(r.sha256())
          .as("size %d", size)
          .isEqualTo(hex.formatHex(Digests.md("SHA-256").digest(data)));
      assertThat(r.sha512())
          .as("size %d", size)
          .isEqualTo(hex.formatHex(Digests.md("SHA-512").digest(data)));
      assertThat(r.size()).isEqualTo(size);
      assertThat(copy.toByteArray()).isEqualTo(data);
    }
  }

  /** A file's and a stream's SHA-256 is the JDK's digest of the same bytes, empty or not. */
  @Test
  void hashesFilesAndStreamsAsTheJdkDoes(@TempDir Path dir) throws Exception {
    Random rnd = new Random(6);
    for (int size : new int[] {0, 1, 65_536, 3 * 65_536 + 11}) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      Path f = Files.write(dir.resolve("f" + size), data);
      String want = HexFormat.of().formatHex(Digests.md("SHA-256").digest(data));
      assertThat(Digests.sha256(f)).as("file of %d bytes", size).isEqualTo(want);
      assertThat(Digests.sha256(new ByteArrayInputStream(data))).isEqualTo(want);
    }
  }
}
