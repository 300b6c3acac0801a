package org.sijill.vault.store;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sijill.vault.internal.OwnerOnly;

/**
 * Writes a new file with direct I/O ({@code O_DIRECT}): the bytes go from one aligned buffer to the
 * disk without passing through the kernel's page cache.
 *
 * <p>Why: a blob is written once and read rarely, so caching it only costs. Through the page cache
 * every byte is copied into the cache, then written back by the kernel when the file is forced, and
 * that write-back cost as much CPU as hashing the content twice (measured: a 1 GiB buffered write
 * plus fsync took 1.9 s here, the same bytes written directly 0.4 s; see docs/BENCHMARKS.md).
 * Direct writes need the buffer's address, every write's length and the file position to be
 * multiples of the device's block size, so the content is gathered into a {@value #BUFFER_MB} MiB
 * aligned buffer; the last, partial block is written padded with zeros and the file is then
 * truncated to the content's true length before the final force.
 *
 * <p>File systems without direct I/O (tmpfs, some network file systems) refuse the open; {@link
 * DurableOutput#create} then falls back to {@link SyncingOutput}. The system property {@code
 * sijill.vault.directIo=false} turns direct I/O off.
 */
final class DirectOutput extends DurableOutput {
  static final int BUFFER_MB = 4;
  private static final int MIN_ALIGN = 4096;
  private static final Map<Path, Integer> ALIGNMENT = new ConcurrentHashMap<>();
  private final FileChannel ch;
  private final int align;
  private ByteBuffer buf;
  private ByteBuffer spare;
  private ExecutorService writer;
  private Future<?> inFlight;
  private long size;
  private boolean closed;

  private DirectOutput(FileChannel ch, int align) {
    this.ch = ch;
    this.align = align;
    this.buf = aligned(align);
  }

  private static ByteBuffer aligned(int align) {
    return ByteBuffer.allocateDirect((BUFFER_MB << 20) + align).alignedSlice(align);
  }

  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("sijill.vault.directIo"));
  }

  /** Creates {@code file} for direct writing, or returns null when the file system refuses. */
  static DirectOutput tryCreate(Path file) throws IOException {
    int align =
        ALIGNMENT.computeIfAbsent(file.toAbsolutePath().getParent(), DirectOutput::alignment);
    FileChannel ch;
    try {
      ch =
          FileChannel.open(
              file,
              java.util.Set.of(
                  StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE,
                  ExtendedOpenOption.DIRECT),
              OwnerOnly.fileIn(file.toAbsolutePath().getParent()));
    } catch (UnsupportedOperationException e) {
      return null;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException e) {
      // EINVAL from a file system without O_DIRECT; the caller removes any file left behind.
      return null;
    }
    return new DirectOutput(ch, align);
  }

  /**
   * The alignment the JDK enforces for direct I/O in {@code dir}: the file system's block size, at
   * least 4 KiB (a multiple of the common logical sector sizes).
   */
  private static int alignment(Path dir) {
    try {
      long block = Files.getFileStore(dir).getBlockSize();
      if (block > MIN_ALIGN && block <= (1 << 20) && Long.bitCount(block) == 1) {
        return (int) block;
      }
    } catch (UnsupportedOperationException | IOException e) {
      // Keep the minimum.
    }
    return MIN_ALIGN;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, buf.remaining());
      buf.put(b, off, n);
      off += n;
      len -= n;
      size += n;
      if (!buf.hasRemaining()) {
        writeBehind();
      }
    }
  }

  /**
   * Hands the full buffer to a writer thread and goes on filling the other one, so the caller
   * hashes while the disk writes. At most one write is in flight.
   */
  private void writeBehind() throws IOException {
    awaitWrite();
    if (writer == null) {
      writer =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "sijill-direct-write");
                t.setDaemon(true);
                return t;
              });
      spare = aligned(align);
    }
    ByteBuffer full = buf.flip();
    inFlight =
        writer.submit(
            () -> {
              try {
                writeFully(full);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    buf = spare.clear();
    spare = full;
  }

  private void awaitWrite() throws IOException {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u
          ? u.getCause()
          : new IOException("direct write failed", e.getCause());
    } finally {
      inFlight = null;
    }
  }

  /** Writes the buffer from position to limit (multiples of the alignment). */
  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  @Override
  void sync() throws IOException {
    try {
      awaitWrite();
      int tail = buf.position();
      if (tail > 0) {
        int padded = (tail + align - 1) / align * align;
        while (buf.position() < padded) {
          buf.put((byte) 0);
        }
        writeFully(buf.flip());
        ch.truncate(size);
      }
      ch.force(true);
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      if (writer != null) {
        writer.shutdownNow();
      }
      try {
        awaitWrite();
      } catch (IOException e) {
        // Abandoned content: the caller deletes the file; the channel is closed below.
      } finally {
        ch.close();
      }
    }
  }
}
