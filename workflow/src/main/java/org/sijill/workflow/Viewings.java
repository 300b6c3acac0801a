package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.sijill.casefile.CaseFile;
import org.sijill.vault.EventType;
import org.sijill.vault.Vault;

/**
 * Logs {@code viewed} events of one data directory in groups: each caller waits until its own event
 * is durable in the custody log and mirrored into the case file, as before, but the viewings that
 * arrive while one group is being written are written together by the next caller — one opening of
 * the vault and one forced write for all of them instead of one each.
 *
 * <p>Under load (issue 16: fifty analysts opening evidence) a viewing used to wait for every
 * viewing queued before it to open the vault, append, force and close in turn; now it waits for at
 * most two groups. No viewing is dropped: a caller returns only after its event is in the log, and
 * when a group cannot be written every caller in it gets the error (and its page is not shown).
 */
final class Viewings {
  private static final ConcurrentHashMap<Path, Viewings> BY_DATA_DIR = new ConcurrentHashMap<>();

  private record Viewing(
      String sha256, String viewer, String purpose, CompletableFuture<Boolean> done) {}

  private final ConcurrentLinkedQueue<Viewing> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final java.util.concurrent.atomic.AtomicInteger unfinished =
      new java.util.concurrent.atomic.AtomicInteger();

  private Viewings() {}

  /** The one group writer of {@code dataDir} in this process. */
  static Viewings of(Path dataDir) {
    return BY_DATA_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), k -> new Viewings());
  }

  /**
   * Logs that {@code viewer} looked at the item with content {@code sha256}, returning when the
   * event is durable and mirrored into {@code caseFile}.
   *
   * @return false when the item's content is not in this vault (nothing logged)
   * @throws EvidenceException when the vault cannot be opened or the group cannot be logged
   */
  boolean record(Path dataDir, CaseFile caseFile, String sha256, String viewer, String purpose) {
    Viewing mine = new Viewing(sha256, viewer, purpose, new CompletableFuture<>());
    unfinished.incrementAndGet();
    mine.done().whenComplete((ok, e) -> unfinished.decrementAndGet());
    waiting.add(mine);
    writer.lock();
    try {
      // An earlier writer may have taken this viewing into its group (and finished it) meanwhile.
      if (!mine.done().isDone()) {
        List<Viewing> group = new ArrayList<>();
        for (Viewing v = waiting.poll(); v != null; v = waiting.poll()) {
          group.add(v);
        }
        write(dataDir, caseFile, group);
      }
    } finally {
      writer.unlock();
    }
    try {
      return mine.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidenceException("interrupted while the viewing was logged", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EvidenceException ee
          ? ee
          : new EvidenceException("cannot log the viewing: " + cause.getMessage(), cause);
    }
  }

  /** Viewings handed in and not yet logged (or refused), for tests. */
  int unfinished() {
    return unfinished.get();
  }

  private static void write(Path dataDir, CaseFile caseFile, List<Viewing> group) {
    try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
      List<Vault.NewEvent> events = new ArrayList<>(group.size());
      List<Viewing> logged = new ArrayList<>(group.size());
      for (Viewing v : group) {
        if (!vault.vault().store().contains(v.sha256())) {
          v.done().complete(false);
          continue;
        }
        logged.add(v);
        events.add(
            new Vault.NewEvent(
                EventType.VIEWED, v.sha256(), v.viewer(), Map.of("purpose", v.purpose())));
      }
      if (!events.isEmpty()) {
        vault.vault().recordAll(events);
        vault.mirror();
      }
      logged.forEach(v -> v.done().complete(true));
    } catch (IOException | RuntimeException e) {
      RuntimeException failure =
          e instanceof EvidenceException ee
              ? ee
              : new EvidenceException("cannot log the viewing: " + e.getMessage(), e);
      group.forEach(v -> v.done().completeExceptionally(failure));
    }
  }
}
