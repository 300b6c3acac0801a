package org.sijill.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.store.BlobStore;

/**
 * The custody log read and written as events: events after an item's acquisition (about items
 * already stored, each of which must be in the store or nothing is logged), case writes that touch
 * no item, and the events read back. Each entry is durable when its method returns; entries are
 * numbered under the log's lock so two writers never take the same index.
 */
final class EventLog {
  private final BlobStore store;
  private final CustodyLog log;
  private final Supplier<Instant> clock;

  EventLog(BlobStore store, CustodyLog log, Supplier<Instant> clock) {
    this.store = store;
    this.log = log;
    this.clock = clock;
  }

  long record(EventType type, String sha256, String actor, Map<String, String> details)
      throws IOException {
    requireItem(sha256);
    synchronized (log) {
      return log.append(
          CustodyEvent.of(log.size(), type, sha256, actor, clock.get(), details).toBytes());
    }
  }

  long recordAll(List<Vault.NewEvent> events) throws IOException {
    for (Vault.NewEvent e : events) {
      requireItem(e.sha256());
    }
    synchronized (log) {
      long first = log.size();
      Instant at = clock.get();
      List<byte[]> entries = new ArrayList<>(events.size());
      for (Vault.NewEvent e : events) {
        entries.add(
            CustodyEvent.of(
                    first + entries.size(), e.type(), e.sha256(), e.actor(), at, e.details())
                .toBytes());
      }
      return log.appendAll(entries);
    }
  }

  long recordCaseWrite(String actor, Map<String, String> details) throws IOException {
    if (details.isEmpty()) {
      throw new IllegalArgumentException("a case write needs details saying what was written");
    }
    String subject = Vault.sha256Hex(caseWriteBytes(details));
    synchronized (log) {
      return log.append(
          CustodyEvent.of(log.size(), EventType.RECORDED, subject, actor, clock.get(), details)
              .toBytes());
    }
  }

  /** Canonical JSON of {@code details} (sorted keys): what a case write's entry commits to. */
  static byte[] caseWriteBytes(Map<String, String> details) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    new TreeMap<>(details).forEach(n::put);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** See {@link Vault#acquisitionIndex}. */
  Optional<Long> acquisitionIndex(String sha256) throws IOException {
    synchronized (log) {
      for (long i = 0; i < log.size(); i++) {
        CustodyEvent e = CustodyEvent.parse(log.entry(i));
        if (e.sha256().equals(sha256)
            && (e.type() == EventType.ACQUIRED || e.type() == EventType.IMPORTED)) {
          return Optional.of(i);
        }
      }
      return Optional.empty();
    }
  }

  /** Every event in log order. */
  List<CustodyEvent> events() throws IOException {
    synchronized (log) {
      List<CustodyEvent> out = new ArrayList<>();
      for (long i = 0; i < log.size(); i++) {
        out.add(CustodyEvent.parse(log.entry(i)));
      }
      return out;
    }
  }

  private void requireItem(String sha256) throws IOException {
    if (!store.contains(sha256)) {
      throw new NoSuchFileException("no item " + sha256 + " in the vault");
    }
  }
}
