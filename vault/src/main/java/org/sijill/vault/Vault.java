package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sijill.vault.bagit.BagExporter;
import org.sijill.vault.bagit.BagImporter;
import org.sijill.vault.internal.AtomicFiles;
import org.sijill.vault.internal.MetadataReader;
import org.sijill.vault.internal.OwnerOnly;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.CheckpointSigner;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.InclusionProof;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.Timestamps;
import org.sijill.vault.store.BlobStore;
import org.sijill.vault.store.FileBlobStore;
import org.sijill.vault.store.StoredBlob;

/**
 * The evidence vault of one data directory: original bytes in a content-addressed store, their
 * metadata, and an append-only custody log with signed checkpoints.
 *
 * <p>Layout under the data directory: {@code vault/blobs/} (the {@link FileBlobStore}), {@code
 * vault/meta/<sha256>.json} (metadata read at ingest), {@code vault/custody.log} (the {@link
 * CustodyLog}), {@code vault/checkpoints/<size>.note} (signed checkpoints) and {@code keys/} (the
 * signing key). One process at a time holds a vault open: {@link #open} takes a file lock that the
 * operating system releases if the process dies, so a crash never leaves a stale lock.
 *
 * <p>Ordering is what makes a crash harmless: content is durable before the log entry that names
 * it, and {@link #add} returns only after the log entry is durable. So a log entry never lacks its
 * blob, and an acknowledged item is never lost; a crash can at worst leave a stored blob that no
 * entry names yet, which {@link #verify} reports as a stray blob (naming its file) and a later add
 * of the same content adopts.
 *
 * <p>Opening again in the same process is cheap: the custody log's hash tree stays in memory
 * between openings ({@link CustodyLog#openForAppendKept}) while the log file is as this process
 * left it, and then — nothing having happened since a clean close — the folders are not searched
 * for a crash's leftovers either. Any sign of another writer or of a crash (the log changed, a
 * non-empty {@code ingest.pending}) makes the opening read and recover everything as the first.
 */
public final class Vault implements AutoCloseable {
  private final Path dataDir;
  private final Path root;
  private final FileBlobStore store;
  private final CustodyLog log;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel pending;
  private long pendingEnd;
  private final MetadataReader metadata = new MetadataReader();

  private Vault(
      Path dataDir,
      FileBlobStore store,
      CustodyLog log,
      CheckpointSigner signer,
      Clock clock,
      FileChannel lockChannel,
      FileLock lock,
      FileChannel pending) {
    this.dataDir = dataDir;
    this.root = dataDir.resolve("vault");
    this.store = store;
    this.log = log;
    this.signer = signer;
    this.clock = clock;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.pending = pending;
  }

  /** Opens the vault of {@code dataDir}, creating it on first use and recovering from a crash. */
  public static Vault open(Path dataDir) throws IOException {
    return open(dataDir, Clock.systemUTC());
  }

  public static Vault open(Path dataDir, Clock clock) throws IOException {
    Path root = dataDir.resolve("vault");
    OwnerOnly.directory(dataDir);
    OwnerOnly.directory(root);
    FileChannel lockChannel =
        FileChannel.open(
            root.resolve("lock"),
            java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            OwnerOnly.fileIn(root));
    try {
      FileLock lock = lockChannel.lock();
      Path pendingFile = root.resolve(PENDING);
      boolean cleanClose = !Files.exists(pendingFile) || Files.size(pendingFile) == 0;
      CheckpointSigner signer = CheckpointSigner.loadOrCreate(dataDir.resolve("keys"));
      CustodyLog log = CustodyLog.openForAppendKept(root.resolve("custody.log"));
      // Nothing happened to the vault since this process closed it cleanly (the log is as it left
      // it, nothing was pending): no crash left anything to clear, so the folders are not listed.
      boolean warm = cleanClose && !log.scanned();
      FileChannel pending;
      FileBlobStore store;
      try {
        store = FileBlobStore.open(root.resolve("blobs"), !warm);
        if (!warm) {
          AtomicFiles.clean(root.resolve("meta"));
          AtomicFiles.clean(root.resolve("checkpoints"));
          takeBackUnlogged(root, store, log);
        }
        pending =
            FileChannel.open(
                pendingFile,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.fileIn(root));
        if (!cleanClose) {
          pending.truncate(0);
          pending.force(true);
        }
      } catch (IOException | RuntimeException e) {
        log.close();
        throw e;
      }
      return new Vault(dataDir, store, log, signer, clock, lockChannel, lock, pending);
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  /**
   * Names, one SHA-256 a line, the content being stored right now: written and forced before new
   * content appears at its address, emptied on a clean close. After a crash, {@link #open} removes
   * the content it names that no log entry names (stored, never acknowledged), so a crash leaves no
   * stray blob behind, while a blob put into the store by any other means stays for {@link #verify}
   * to report.
   */
  static final String PENDING = "ingest.pending";

  private static void takeBackUnlogged(Path root, FileBlobStore store, CustodyLog log)
      throws IOException {
    Path file = root.resolve(PENDING);
    if (!Files.exists(file) || Files.size(file) == 0) {
      return;
    }
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      if (Digests.isSha256Hex(line.strip())) {
        named.add(line.strip());
      }
    }
    for (long i = 0; i < log.size() && !named.isEmpty(); i++) {
      try {
        named.remove(CustodyEvent.parse(log.entry(i)).sha256());
      } catch (IllegalArgumentException unreadable) {
        return; // cannot tell what the log names: keep everything, verify will say
      }
    }
    for (String sha : named) {
      Files.deleteIfExists(root.resolve("meta").resolve(sha + ".json"));
      store.remove(sha);
    }
  }

  /** Stores content, noting it as pending first when it is new (see {@link #PENDING}). */
  public StoredBlob putPending(InputStream in) throws IOException {
    return store.put(
        in,
        sha -> {
          synchronized (pending) {
            java.nio.ByteBuffer b =
                java.nio.ByteBuffer.wrap((sha + "\n").getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
              pendingEnd += pending.write(b, pendingEnd);
            }
            pending.force(false);
          }
        });
  }

  /**
   * Undoes the storing of content whose log entry could not be written: removes the blob (and its
   * metadata file) when this very call stored it and the log is known not to name it.
   */
  public void takeBack(
      StoredBlob blob, boolean metadataIsNew, long logSizeBefore, Throwable failure) {
    if (!blob.newlyStored() || log.unsure()) {
      return;
    }
    synchronized (log) {
      try {
        // Another add of the same bytes may have logged them meanwhile: then they stay. (One
        // that has not logged yet finds them gone under this lock, and fails cleanly.)
        for (long i = logSizeBefore; i < log.size(); i++) {
          if (CustodyEvent.parse(log.entry(i)).sha256().equals(blob.sha256())) {
            return;
          }
        }
        if (metadataIsNew) {
          Files.deleteIfExists(metadataFile(blob.sha256()));
        }
        store.remove(blob.sha256());
      } catch (IOException | RuntimeException undo) {
        failure.addSuppressed(undo);
      }
    }
  }

  /** Refuses to log content that a failed concurrent add took back; call holding the log. */
  public void requireStored(String sha256) throws IOException {
    if (!store.contains(sha256)) {
      throw new IOException(
          sha256 + ": the content was taken back by another add that failed; add it again");
    }
  }

  /**
   * Stores a file's bytes, reads its metadata and logs its acquisition. When this returns, the
   * content and its log entries are on disk. Adding content already in the vault stores nothing new
   * but logs the new acquisition (another source for the same bytes).
   *
   * <p>When this throws, nothing was logged and no blob is left behind: content this call stored is
   * removed again (content that was already in the vault stays, as its own entries name it). The
   * one exception is a log whose failed append could not even be undone ({@link
   * CustodyLog#unsure()}): then the blob is kept, since an entry on disk may name it, and {@link
   * #verify} reports it if none does.
   */
  public Ingested add(Path file, Acquisition acquisition) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    long logSizeBefore = log.size();
    StoredBlob blob;
    try (InputStream in = Files.newInputStream(file)) {
      blob = putPending(in);
    }
    Path metaFile = metadataFile(blob.sha256());
    boolean newMetadata = !Files.exists(metaFile);
    try {
      return logAcquisition(blob, name, metaFile, newMetadata, acquisition);
    } catch (IOException | RuntimeException | Error e) {
      takeBack(blob, newMetadata, logSizeBefore, e);
      throw e;
    }
  }

  private Ingested logAcquisition(
      StoredBlob blob, String name, Path metaFile, boolean newMetadata, Acquisition acquisition)
      throws IOException {
    Path stored = store.path(blob.sha256());
    String mime = metadata.mimeType(stored, name);
    byte[] meta = newMetadata ? metadata.read(stored, mime) : Files.readAllBytes(metaFile);
    if (newMetadata) {
      AtomicFiles.write(metaFile, meta);
    }
    Instant now = now();
    Map<String, String> d = new TreeMap<>();
    d.put("file_name", name);
    d.put("size", Long.toString(blob.size()));
    d.put("sha512", blob.sha512());
    d.put("mime_type", mime);
    // Milliseconds, like every time in the log, so that a database mirror keeps it exactly.
    d.put(
        "acquired_at",
        acquisition.when().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).orElse(now).toString());
    putIfPresent(d, "source", acquisition.source());
    putIfPresent(d, "url", acquisition.url());
    putIfPresent(d, "note", acquisition.note());
    long index;
    synchronized (log) {
      requireStored(blob.sha256());
      long seq = log.size();
      List<byte[]> entries = new ArrayList<>();
      entries.add(
          CustodyEvent.of(seq, EventType.ACQUIRED, blob.sha256(), acquisition.collector(), now, d)
              .toBytes());
      if (newMetadata) {
        entries.add(
            CustodyEvent.of(
                    seq + 1,
                    EventType.METADATA_EXTRACTED,
                    blob.sha256(),
                    acquisition.collector(),
                    now,
                    Map.of("metadata_sha256", sha256Hex(meta), "reader", MetadataReader.VERSION))
                .toBytes());
      }
      index = log.appendAll(entries);
    }
    return new Ingested(blob, index, mime, name);
  }

  /** Logs another event about an item already in the vault; returns its log index. */
  public long record(EventType type, String sha256, String actor, Map<String, String> details)
      throws IOException {
    if (!store.contains(sha256)) {
      throw new NoSuchFileException("no item " + sha256 + " in the vault");
    }
    synchronized (log) {
      return log.append(CustodyEvent.of(log.size(), type, sha256, actor, now(), details).toBytes());
    }
  }

  /** An event to log about an item already in the vault ({@link #recordAll}). */
  public record NewEvent(
      EventType type, String sha256, String actor, Map<String, String> details) {}

  /**
   * Logs several events about items already in the vault with one forced write for all (each is
   * durable when this returns, as with {@link #record}); returns the log index of the first.
   *
   * @throws NoSuchFileException when an event names an item not in the vault (nothing is logged)
   */
  public long recordAll(List<NewEvent> events) throws IOException {
    for (NewEvent e : events) {
      if (!store.contains(e.sha256())) {
        throw new NoSuchFileException("no item " + e.sha256() + " in the vault");
      }
    }
    synchronized (log) {
      long first = log.size();
      Instant at = now();
      List<byte[]> entries = new ArrayList<>(events.size());
      for (NewEvent e : events) {
        entries.add(
            CustodyEvent.of(
                    first + entries.size(), e.type(), e.sha256(), e.actor(), at, e.details())
                .toBytes());
      }
      return log.appendAll(entries);
    }
  }

  /**
   * Logs a write to the case file that touches no stored item (an incident recorded or corrected, a
   * link made or withdrawn, a public claim): a {@link EventType#RECORDED} entry whose {@code
   * sha256} is the SHA-256 of the canonical JSON of {@code details} (sorted keys), so the entry
   * commits to what it tells and is never mistaken for an item. Returns its log index.
   *
   * @param details what was written: which record, its id and version, the action
   */
  public long recordCaseWrite(String actor, Map<String, String> details) throws IOException {
    if (details.isEmpty()) {
      throw new IllegalArgumentException("a case write needs details saying what was written");
    }
    String subject = sha256Hex(caseWriteBytes(details));
    synchronized (log) {
      return log.append(
          CustodyEvent.of(log.size(), EventType.RECORDED, subject, actor, now(), details)
              .toBytes());
    }
  }

  /** The bytes a {@link EventType#RECORDED} entry's {@code sha256} is the hash of. */
  public static byte[] caseWriteBytes(Map<String, String> details) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    new TreeMap<>(details).forEach(n::put);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Signs the current log head and keeps it in {@code vault/checkpoints/}; returns the signed note.
   * Signing a head that is already checkpointed returns the stored note unchanged.
   */
  public String checkpoint() throws IOException {
    synchronized (log) {
      long size = log.size();
      Path file = checkpointFile(size);
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      String note = signer.sign(new Checkpoint(signer.origin(), size, log.root(size)));
      AtomicFiles.write(file, note.getBytes(StandardCharsets.UTF_8));
      return note;
    }
  }

  /**
   * Gets an RFC 3161 timestamp of the latest checkpoint from the authority at {@code tsa} and keeps
   * it beside the checkpoint ({@code <size>.tsr}); see {@link Timestamps}.
   */
  public Timestamps.Stamp timestamp(java.net.URI tsa) throws IOException {
    String note = checkpoint();
    long size = signer.verifier().verify(note).size();
    byte[] token = Timestamps.request(tsa, note);
    AtomicFiles.write(timestampFile(size), token);
    return Timestamps.verify(token, note);
  }

  Path timestampFile(long size) {
    return root.resolve("checkpoints").resolve(String.format("%020d.tsr", size));
  }

  /** The latest stored checkpoint's signed note, if any. */
  public Optional<String> latestCheckpoint() throws IOException {
    Path dir = root.resolve("checkpoints");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      Optional<Path> last =
          s.filter(p -> p.getFileName().toString().endsWith(".note")).max(Path::compareTo);
      return last.isEmpty()
          ? Optional.empty()
          : Optional.of(Files.readString(last.get(), StandardCharsets.UTF_8));
    }
  }

  /**
   * The inclusion proof of the log entry at {@code index} against the latest checkpoint, signing a
   * new checkpoint first when the latest one does not yet cover the entry.
   */
  public InclusionProof proof(long index) throws IOException {
    synchronized (log) {
      if (index < 0 || index >= log.size()) {
        throw new IllegalArgumentException("no log entry " + index);
      }
      String note = latestCheckpoint().orElse(null);
      Checkpoint cp = note == null ? null : signer.verifier().verify(note);
      if (cp == null || cp.size() <= index) {
        note = checkpoint();
        cp = signer.verifier().verify(note);
      }
      return new InclusionProof(
          index, log.entry(index), log.inclusionProof(index, cp.size()), note, cp.size());
    }
  }

  /**
   * {@link #proof}, writing nothing: when no stored checkpoint covers the entry, the current head
   * is signed in memory and not kept. Ed25519 signatures are deterministic, so that note is the one
   * {@link #checkpoint} would store for the same head; a reader can check it as any other. For the
   * server's proof pages, so that a GET leaves the vault as it found it.
   */
  public InclusionProof proofWithoutWriting(long index) throws IOException {
    synchronized (log) {
      if (index < 0 || index >= log.size()) {
        throw new IllegalArgumentException("no log entry " + index);
      }
      String note = latestCheckpoint().orElse(null);
      Checkpoint cp = note == null ? null : signer.verifier().verify(note);
      if (cp == null || cp.size() <= index) {
        long size = log.size();
        note = signer.sign(new Checkpoint(signer.origin(), size, log.root(size)));
        cp = signer.verifier().verify(note);
      }
      return new InclusionProof(
          index, log.entry(index), log.inclusionProof(index, cp.size()), note, cp.size());
    }
  }

  /** Index of the first {@code acquired} (or {@code imported}) event of an item, if any. */
  public Optional<Long> acquisitionIndex(String sha256) throws IOException {
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
  public List<CustodyEvent> events() throws IOException {
    synchronized (log) {
      List<CustodyEvent> out = new ArrayList<>();
      for (long i = 0; i < log.size(); i++) {
        out.add(CustodyEvent.parse(log.entry(i)));
      }
      return out;
    }
  }

  /** The event at {@code index} and its exact bytes' leaf hash, for mirroring into a database. */
  public CustodyEvent event(long index) throws IOException {
    return CustodyEvent.parse(log.entry(index));
  }

  public String leafHashHex(long index) {
    return HexFormat.of().formatHex(log.leafHash(index));
  }

  public long logSize() {
    return log.size();
  }

  /** Bytes of a crash-torn log record dropped on open (0 normally). */
  public long recoveredBytes() {
    return log.recoveredBytes();
  }

  public BlobStore store() {
    return store;
  }

  /** The stored file of an item, for readers that need a path. */
  public Path contentPath(String sha256) {
    return store.path(sha256);
  }

  public Path metadataFile(String sha256) {
    return root.resolve("meta").resolve(sha256 + ".json");
  }

  /** The public key that verifies this vault's checkpoints, in verifier-key form. */
  public String verifierKey() {
    return signer.verifier().verifierKey();
  }

  public String origin() {
    return signer.origin();
  }

  /**
   * Checks a vault without opening it for writing (so a damaged log can still be examined): every
   * blob re-hashed, every log entry well-formed and in place, every checkpoint signed by the
   * vault's key and matching the log, and each external record (database row) against the log entry
   * it claims. Returns one fault per problem; empty means sound. Nothing is repaired.
   */
  public static List<Fault> verify(
      Path dataDir, Collection<ExternalRecord> records, ProgressListener progress)
      throws IOException {
    Path root = dataDir.resolve("vault");
    if (!Files.isDirectory(root)) {
      return records.isEmpty()
          ? List.of()
          : List.of(new Fault("vault", "missing, but records refer to it"));
    }
    Optional<NoteVerifier> key =
        Files.exists(dataDir.resolve("keys").resolve(CheckpointSigner.PRIVATE_FILE))
            ? Optional.of(CheckpointSigner.loadOrCreate(dataDir.resolve("keys")).verifier())
            : Optional.empty();
    FileBlobStore store = FileBlobStore.openExisting(root.resolve("blobs"));
    return new VaultVerifier(root, store, key, progress).verify(records);
  }

  /** Writes a BagIt package of the given items; see {@link BagExporter}. */
  public Path export(Path out, Collection<String> sha256s, String actor) throws IOException {
    return new BagExporter(this, null).export(out, sha256s, actor);
  }

  /**
   * Writes a redacted package for a partner or the public: each custody entry's details as {@code
   * redactor} shows them (changed entries travel redacted, with the full entry's leaf hash in
   * {@code redaction.txt} and its proof), identifying tags removed from the metadata files, and an
   * original's bytes included only when its tags were read and identified nobody. The proofs lead
   * from the full entries' leaf hashes to the signed checkpoint, so a court later given the full
   * package can check that it matches.
   */
  public Path exportRedacted(Path out, Collection<String> sha256s, String actor, Redactor redactor)
      throws IOException {
    return new BagExporter(this, java.util.Objects.requireNonNull(redactor))
        .export(out, sha256s, actor);
  }

  /** Verifies a package completely, then stores its items; see {@link BagImporter}. */
  public List<Ingested> importBag(Path pkg, String actor) throws IOException {
    return importBag(pkg, actor, null);
  }

  /**
   * As {@link #importBag(Path, String)}, but refuses a package whose checkpoint is not signed by
   * {@code expectedKey} (a verifier key the sender published through another channel); a null
   * {@code expectedKey} accepts any key, as the two-argument form does.
   */
  public List<Ingested> importBag(Path pkg, String actor, String expectedKey) throws IOException {
    return new BagImporter(this, root.resolve("import-tmp")).importBag(pkg, actor, expectedKey);
  }

  Path checkpointFile(long size) {
    return root.resolve("checkpoints").resolve(String.format("%020d.note", size));
  }

  public CustodyLog log() {
    return log;
  }

  public CheckpointSigner signer() {
    return signer;
  }

  FileBlobStore fileStore() {
    return store;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public static String sha256Hex(byte[] b) {
    return HexFormat.of().formatHex(Digests.md("SHA-256").digest(b));
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      log.close();
      if (!log.unsure()) {
        pending.truncate(0);
        pending.force(true);
      }
    } finally {
      pending.close();
      lock.release();
      lockChannel.close();
    }
  }
}
