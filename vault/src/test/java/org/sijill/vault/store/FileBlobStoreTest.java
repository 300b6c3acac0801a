package org.sijill.vault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.Digests;

class FileBlobStoreTest {
  @TempDir Path root;

  /** Longer than two background-fsync steps, generated as a stream (never held in memory). */
  @Test
  void aLargeStreamIsStoredWholeUnderItsHash() throws Exception {
    long size = 2L * SyncingOutput.STEP_MB * (1 << 20) + 12_345;
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    InputStream source = new DigestInputStream(new RandomStream(size, 9), md);
    FileBlobStore store = FileBlobStore.open(root);
    StoredBlob b = store.put(source);
    assertThat(b.sha256()).isEqualTo(HexFormat.of().formatHex(md.digest()));
    assertThat(b.size()).isEqualTo(size);
    assertThat(Files.size(store.path(b.sha256()))).isEqualTo(size);
    try (InputStream in = store.open(b.sha256()).orElseThrow()) {
      assertThat(Digests.copy(in, null).sha256()).isEqualTo(b.sha256());
    }
    try (var s = Files.list(root.resolve("tmp"))) {
      assertThat(s.toList()).isEmpty();
    }
    assertThat(store.put(new RandomStream(size, 9)).newlyStored()).isFalse();
  }

  @Test
  void strayTemporariesAreClearedOnOpen() throws Exception {
    FileBlobStore.open(root);
    Files.writeString(root.resolve("tmp/crashed.part"), "half a file");
    FileBlobStore.open(root);
    try (var s = Files.list(root.resolve("tmp"))) {
      assertThat(s.toList()).isEmpty();
    }
  }

  /** A deterministic stream of pseudo-random bytes. */
  private static final class RandomStream extends InputStream {
    private final Random rnd;
    private long left;

    RandomStream(long size, long seed) {
      this.left = size;
      this.rnd = new Random(seed);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      byte[] tmp = new byte[n];
      rnd.nextBytes(tmp);
      System.arraycopy(tmp, 0, b, off, n);
      left -= n;
      return n;
    }
  }
}
