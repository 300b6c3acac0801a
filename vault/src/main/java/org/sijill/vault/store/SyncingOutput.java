package org.sijill.vault.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes to a file and pushes what is written to the disk in the background as it goes.
 *
 * <p>Why: the kernel would otherwise hold a large file's pages until the final fsync and write them
 * all out then, while the CPU waits. Forcing every {@value #STEP_MB} MiB on a helper thread
 * overlaps the disk's work with hashing, so the final {@link #sync} has little left to do. At most
 * one background force is in flight; a step reached while one runs is simply skipped.
 *
 * <p>Used where direct I/O is unavailable ({@link DirectOutput} is preferred). Owns the channel.
 */
final class SyncingOutput extends DurableOutput {
  static final int STEP_MB = 32;
  private static final long STEP = (long) STEP_MB << 20;
  private final FileChannel ch;
  private ExecutorService flusher;
  private Future<?> inFlight;
  private long written;
  private long lastForced;

  SyncingOutput(FileChannel ch) {
    this.ch = ch;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    written += len;
    if (written - lastForced >= STEP && (inFlight == null || inFlight.isDone())) {
      check(inFlight);
      if (flusher == null) {
        flusher =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "sijill-fsync");
                  t.setDaemon(true);
                  return t;
                });
      }
      lastForced = written;
      inFlight =
          flusher.submit(
              () -> {
                try {
                  ch.force(false);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Waits for any background force, then forces everything (data and metadata) to disk. */
  @Override
  void sync() throws IOException {
    try {
      if (inFlight != null) {
        try {
          inFlight.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while syncing");
        } catch (ExecutionException e) {
          throw asIo(e);
        }
      }
      ch.force(true);
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    ch.close();
  }

  private static void check(Future<?> f) throws IOException {
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while syncing");
    } catch (ExecutionException e) {
      throw asIo(e);
    }
  }

  private static IOException asIo(ExecutionException e) {
    return e.getCause() instanceof UncheckedIOException u
        ? u.getCause()
        : new IOException("background fsync failed", e.getCause());
  }
}
