package org.sijill.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.CheckpointSigner;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;
import org.sijill.vault.log.Timestamps;
import org.sijill.vault.store.FileBlobStore;

/** The checks behind {@link Vault#verify}: each finds faults and names them, none stops early. */
final class VaultVerifier {
  private final Path root;
  private final FileBlobStore store;

  /** Verifies checkpoints; null when the vault has no signing key yet. */
  private final NoteVerifier key;

  private final ProgressListener progress;
  private final List<Fault> faults = new ArrayList<>();

  VaultVerifier(Path root, FileBlobStore store, NoteVerifier key, ProgressListener progress) {
    this.root = root;
    this.store = store;
    this.key = key;
    this.progress = progress;
  }

  /** See {@link Vault#verify}. */
  static List<Fault> verify(
      Path dataDir, Collection<ExternalRecord> records, ProgressListener progress)
      throws IOException {
    Path root = dataDir.resolve("vault");
    if (!Files.isDirectory(root)) {
      return records.isEmpty()
          ? List.of()
          : List.of(new Fault("vault", "missing, but records refer to it"));
    }
    NoteVerifier key =
        Files.exists(dataDir.resolve("keys").resolve(CheckpointSigner.PRIVATE_FILE))
            ? CheckpointSigner.loadOrCreate(dataDir.resolve("keys")).verifier()
            : null;
    FileBlobStore store = FileBlobStore.openExisting(root.resolve("blobs"));
    return new VaultVerifier(root, store, key, progress).verify(records);
  }

  List<Fault> verify(Collection<ExternalRecord> records) throws IOException {
    Path logFile = root.resolve("custody.log");
    if (!Files.exists(logFile)) {
      try (Stream<String> s = store.list()) {
        if (s.findAny().isPresent()) {
          faults.add(new Fault("custody log", "missing, but the store holds content"));
        }
      }
      return faults;
    }
    try (CustodyLog log = CustodyLog.openForReading(logFile)) {
      for (String f : log.faults()) {
        int colon = f.indexOf(": ");
        faults.add(new Fault(f.substring(0, colon), f.substring(colon + 2)));
      }
      List<CustodyEvent> events = readEvents(log);
      checkBlobs(events);
      checkCheckpoints(log);
      checkRecords(log, events, records);
    }
    return faults;
  }

  private List<CustodyEvent> readEvents(CustodyLog log) throws IOException {
    List<CustodyEvent> events = new ArrayList<>();
    for (long i = 0; i < log.size(); i++) {
      CustodyEvent e;
      try {
        e = CustodyEvent.parse(log.entry(i));
      } catch (IllegalArgumentException ex) {
        faults.add(new Fault("log entry " + i, ex.getMessage()));
        events.add(null);
        continue;
      }
      if (e.seq() != i) {
        faults.add(
            new Fault(
                "log entry " + i,
                "records itself as entry "
                    + e.seq()
                    + ": entries were removed, inserted or reordered"));
      }
      events.add(e);
    }
    return events;
  }

  private void checkBlobs(List<CustodyEvent> events) throws IOException {
    Map<String, ContentCheck.Expected> expected = new TreeMap<>();
    Map<String, String> metadata = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      CustodyEvent e = events.get(i);
      if (e == null) {
        continue;
      }
      if (e.type() == EventType.ACQUIRED || e.type() == EventType.IMPORTED) {
        long size = Long.parseLong(e.details().getOrDefault("size", "-1"));
        expected.putIfAbsent(
            e.sha256(), new ContentCheck.Expected(i, size, e.details().get("sha512")));
      } else if (e.type() == EventType.METADATA_EXTRACTED) {
        metadata.put(e.sha256(), e.details().get("metadata_sha256"));
      }
    }
    List<Path> files;
    try (Stream<Path> s = store.files()) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      String shown = root.getFileName() + "/blobs/" + f.toString().replace('\\', '/');
      if (!Digests.isSha256Hex(name) || !store.path(name).equals(store.root().resolve(f))) {
        faults.add(
            new Fault(
                "file " + shown, "in the blob store but not a stored blob (no such address)"));
      } else if (!expected.containsKey(name)) {
        // A stray: content that no acquisition names (a crash between store and log, or a
        // file put there by hand). Nothing vouches for where it came from.
        faults.add(new Fault("file " + shown, "stray blob: no custody log entry names " + name));
      }
    }
    ContentCheck.run(store, expected, progress, faults);
    for (Map.Entry<String, String> m : metadata.entrySet()) {
      Path f = root.resolve("meta").resolve(m.getKey() + ".json");
      if (!Files.exists(f)) {
        faults.add(new Fault("metadata " + m.getKey(), "missing"));
      } else if (!Vault.sha256Hex(Files.readAllBytes(f)).equals(m.getValue())) {
        faults.add(new Fault("metadata " + m.getKey(), "changed since it was extracted"));
      }
    }
  }

  private void checkCheckpoints(CustodyLog log) throws IOException {
    Path dir = root.resolve("checkpoints");
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".note")).sorted().toList();
    }
    if (!files.isEmpty() && key == null) {
      faults.add(
          new Fault("keys", "the vault's signing key is missing; checkpoints cannot be checked"));
      return;
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      String subject = "checkpoint " + name;
      Checkpoint cp;
      try {
        cp = key.verify(Files.readString(f, StandardCharsets.UTF_8));
      } catch (ProofException | java.nio.charset.MalformedInputException e) {
        faults.add(new Fault(subject, e.getMessage()));
        continue;
      }
      long named = Long.parseLong(name.substring(0, name.length() - ".note".length()));
      Path tsr = dir.resolve(name.substring(0, name.length() - ".note".length()) + ".tsr");
      if (Files.exists(tsr)) {
        try {
          Timestamps.verify(Files.readAllBytes(tsr), Files.readString(f, StandardCharsets.UTF_8));
        } catch (ProofException e) {
          faults.add(new Fault("timestamp " + tsr.getFileName(), e.getMessage()));
        }
      }
      if (cp.size() != named) {
        faults.add(
            new Fault(subject, "holds the checkpoint of size " + cp.size() + ", not " + named));
      }
      if (cp.size() > log.size()) {
        faults.add(
            new Fault(
                subject,
                "signs "
                    + cp.size()
                    + " log entries but the log has only "
                    + log.size()
                    + ": entries were removed"));
      } else if (!MessageDigest.isEqual(cp.root(), log.root(cp.size()))) {
        faults.add(
            new Fault(
                subject,
                "the log's first "
                    + cp.size()
                    + " entries no longer hash to the signed root: the log was altered"));
      }
    }
  }

  private void checkRecords(
      CustodyLog log, List<CustodyEvent> events, Collection<ExternalRecord> records) {
    HexFormat hex = HexFormat.of();
    for (ExternalRecord r : records) {
      if (r.logIndex() < 0 || r.logIndex() >= log.size()) {
        faults.add(
            new Fault(
                r.subject(),
                "points to log entry " + r.logIndex() + " but the log has " + log.size()));
        continue;
      }
      if (r.leafHash() != null && !r.leafHash().equals(hex.formatHex(log.leafHash(r.logIndex())))) {
        faults.add(
            new Fault(
                r.subject(), "does not match log entry " + r.logIndex() + " (leaf hash differs)"));
      }
      CustodyEvent e = events.get((int) r.logIndex());
      if (e == null) {
        continue;
      }
      for (Map.Entry<String, String> c : r.claims().entrySet()) {
        String actual =
            switch (c.getKey()) {
              case "sha256" -> e.sha256();
              case "type" -> e.type().wireName();
              case "actor" -> e.actor();
              case "at" -> e.at().toString();
              default -> e.details().get(c.getKey());
            };
        if (!java.util.Objects.equals(actual, c.getValue())) {
          faults.add(
              new Fault(
                  r.subject(),
                  c.getKey()
                      + " is '"
                      + c.getValue()
                      + "' but log entry "
                      + r.logIndex()
                      + " says '"
                      + actual
                      + "'"));
        }
      }
    }
  }
}
