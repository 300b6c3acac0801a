package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SHA-256 and SHA-512 of a stream computed in one pass while it is copied.
 *
 * <p>Why two threads: on the JDK, SHA-512 runs at about half the speed of SHA-256 (which uses the
 * CPU's SHA instructions), so hashing both on one thread would halve ingest speed. Content longer
 * than one buffer is therefore hashed with SHA-512 on a helper thread, buffer by buffer in order,
 * while the calling thread hashes SHA-256 and writes; a small ring of buffers keeps both busy and
 * memory bounded (never the whole file).
 *
 * <p>{@link #sha256(Path)} and {@link #sha256(InputStream)} are the one place the project hashes a
 * file or stream with SHA-256 alone (a custody address, a manifest line, an import's fingerprint).
 */
public final class Digests {
  static final int BUFFER = 1 << 20;
  private static final int RING = 4;

  public record Result(String sha256, String sha512, long size) {}

  private Digests() {}

  /** Copies {@code in} to {@code out} (which may be null), hashing every byte on the way. */
  public static Result copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest s256 = md("SHA-256");
    MessageDigest s512 = md("SHA-512");
    byte[][] ring = new byte[RING][BUFFER];
    int first = in.readNBytes(ring[0], 0, BUFFER);
    if (first < BUFFER) {
      // Small content: one buffer, one thread.
      s256.update(ring[0], 0, first);
      s512.update(ring[0], 0, first);
      if (out != null) {
        out.write(ring[0], 0, first);
      }
      return result(s256, s512, first);
    }
    ExecutorService helper =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sijill-sha512");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<?>[] pending = new Future<?>[RING];
      long size = 0;
      int slot = 0;
      int n = first;
      while (n > 0) {
        byte[] buf = ring[slot];
        int len = n;
        pending[slot] = helper.submit(() -> s512.update(buf, 0, len));
        s256.update(buf, 0, len);
        if (out != null) {
          out.write(buf, 0, len);
        }
        size += len;
        slot = (slot + 1) % RING;
        await(pending[slot]); // the next buffer must be free before it is refilled
        n = in.readNBytes(ring[slot], 0, BUFFER);
      }
      for (Future<?> f : pending) {
        await(f);
      }
      return result(s256, s512, size);
    } finally {
      helper.shutdownNow();
    }
  }

  private static void await(Future<?> f) throws IOException {
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing");
    } catch (ExecutionException e) {
      throw new IllegalStateException("SHA-512 failed", e.getCause());
    }
  }

  private static Result result(MessageDigest s256, MessageDigest s512, long size) {
    HexFormat hex = HexFormat.of();
    return new Result(hex.formatHex(s256.digest()), hex.formatHex(s512.digest()), size);
  }

  /** The lowercase hex SHA-256 of a file's bytes, read as a stream (never all in memory). */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  /** The lowercase hex SHA-256 of everything left in {@code in}; the caller closes it. */
  public static String sha256(InputStream in) throws IOException {
    MessageDigest md = md("SHA-256");
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static MessageDigest md(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  public static boolean isSha256Hex(String s) {
    return s != null
        && s.length() == 64
        && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
