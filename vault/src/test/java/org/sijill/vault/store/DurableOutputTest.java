package org.sijill.vault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableOutputTest {
  private static final int MIB = 1 << 20;
  @TempDir Path dir;

  /** Sizes around the 4 KiB alignment and the direct writer's buffer, written in odd pieces. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0,
        1,
        4095,
        4096,
        4097,
        DirectOutput.BUFFER_MB * MIB - 1,
        DirectOutput.BUFFER_MB * MIB,
        DirectOutput.BUFFER_MB * MIB + 1,
        3 * DirectOutput.BUFFER_MB * MIB + 12_345
      })
  void directOutputStoresExactlyTheBytesWritten(int size) throws Exception {
    Path file = dir.resolve("blob");
    // Where the file system refuses direct I/O (a tmpfs), the store falls back to the page cache:
    // check that fallback instead of skipping.
    DurableOutput out = DirectOutput.tryCreate(file);
    if (out == null) {
      Files.deleteIfExists(file);
      out = DurableOutput.create(file);
      assertThat(out).isInstanceOf(SyncingOutput.class);
    }
    byte[] data = writeInPieces(out, size);
    out.sync();
    assertThat(Files.size(file)).isEqualTo(size);
    assertThat(Arrays.equals(Files.readAllBytes(file), data)).isTrue();
  }

  @Test
  void syncingOutputStoresExactlyTheBytesWritten() throws Exception {
    Path file = dir.resolve("blob");
    int size = 2 * SyncingOutput.STEP_MB * MIB + 777;
    SyncingOutput out =
        new SyncingOutput(
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    byte[] data = writeInPieces(out, size);
    out.sync();
    assertThat(Arrays.equals(Files.readAllBytes(file), data)).isTrue();
  }

  @Test
  void directIoCanBeTurnedOff() throws Exception {
    String before = System.getProperty("sijill.vault.directIo");
    System.setProperty("sijill.vault.directIo", "false");
    try (DurableOutput out = DurableOutput.create(dir.resolve("a"))) {
      assertThat(out).isInstanceOf(SyncingOutput.class);
    } finally {
      if (before == null) {
        System.clearProperty("sijill.vault.directIo");
      } else {
        System.setProperty("sijill.vault.directIo", before);
      }
    }
    Path probe = dir.resolve("probe");
    DirectOutput direct = DirectOutput.tryCreate(probe);
    boolean supported = direct != null;
    if (direct != null) {
      direct.close();
    }
    try (DurableOutput out = DurableOutput.create(dir.resolve("b"))) {
      assertThat(out).isInstanceOf(supported ? DirectOutput.class : SyncingOutput.class);
    }
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path file = dir.resolve("taken");
    Files.writeString(file, "keep me");
    assertThatThrownBy(() -> DurableOutput.create(file))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  private static byte[] writeInPieces(DurableOutput out, int size) throws Exception {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    Random pieces = new Random(7);
    int off = 0;
    while (off < size) {
      int n = Math.min(size - off, 1 + pieces.nextInt(3 * MIB));
      out.write(data, off, n);
      off += n;
    }
    return data;
  }
}
