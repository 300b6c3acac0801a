package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sijill.vault.bagit.BagExporter;
import org.sijill.vault.bagit.BagImporter;
import org.sijill.vault.internal.AtomicFiles;
import org.sijill.vault.internal.OwnerOnly;
import org.sijill.vault.log.CheckpointSigner;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.log.InclusionProof;
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
  private final PendingContent pending;
  private final Checkpoints checkpoints;
  private final Ingest ingest;
  private final EventLog eventLog;

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
    this.pending = new PendingContent(root, store, log, pending);
    this.checkpoints = new Checkpoints(root, log, signer);
    this.ingest = new Ingest(root, store, log, this.pending, this::now);
    this.eventLog = new EventLog(store, log, this::now);
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
          PendingContent.takeBackUnlogged(root, store, log);
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

  /** The file naming content being stored right now; see {@link PendingContent}. */
  static final String PENDING = PendingContent.FILE;

  /** Stores content, noting it as pending first when it is new (see {@link #PENDING}). */
  public StoredBlob putPending(InputStream in) throws IOException {
    return pending.put(in);
  }

  /**
   * Undoes the storing of content whose log entry could not be written: removes the blob (and its
   * metadata file) when this very call stored it and the log is known not to name it.
   */
  public void takeBack(
      StoredBlob blob, boolean metadataIsNew, long logSizeBefore, Throwable failure) {
    pending.takeBack(blob, metadataIsNew, logSizeBefore, failure);
  }

  /** Refuses to log content that a failed concurrent add took back; call holding the log. */
  public void requireStored(String sha256) throws IOException {
    pending.requireStored(sha256);
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
    return ingest.add(file, acquisition);
  }

  /** Logs another event about an item already in the vault; returns its log index. */
  public long record(EventType type, String sha256, String actor, Map<String, String> details)
      throws IOException {
    return eventLog.record(type, sha256, actor, details);
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
    return eventLog.recordAll(events);
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
    return eventLog.recordCaseWrite(actor, details);
  }

  /** The bytes a {@link EventType#RECORDED} entry's {@code sha256} is the hash of. */
  public static byte[] caseWriteBytes(Map<String, String> details) {
    return EventLog.caseWriteBytes(details);
  }

  /**
   * Signs the current log head and keeps it in {@code vault/checkpoints/}; returns the signed note.
   * Signing a head that is already checkpointed returns the stored note unchanged.
   */
  public String checkpoint() throws IOException {
    return checkpoints.checkpoint();
  }

  /**
   * Gets an RFC 3161 timestamp of the latest checkpoint from the authority at {@code tsa} and keeps
   * it beside the checkpoint ({@code <size>.tsr}); see {@link Timestamps}.
   */
  public Timestamps.Stamp timestamp(java.net.URI tsa) throws IOException {
    return checkpoints.timestamp(tsa);
  }

  /** The latest stored checkpoint's signed note, if any. */
  public Optional<String> latestCheckpoint() throws IOException {
    return checkpoints.latest();
  }

  /**
   * The inclusion proof of the log entry at {@code index} against the latest checkpoint, signing a
   * new checkpoint first when the latest one does not yet cover the entry.
   */
  public InclusionProof proof(long index) throws IOException {
    return checkpoints.proof(index);
  }

  /**
   * {@link #proof}, writing nothing: when no stored checkpoint covers the entry, the log's first
   * {@code index + 1} entries (the smallest tree that holds it) are signed in memory and not kept,
   * so the same entry gets the same proof however much the log has grown since (a page and its JSON
   * twin agree). Ed25519 signatures are deterministic: the note is the one {@link #checkpoint}
   * stores for a log of that size; a reader checks it as any other. For the server's proof pages,
   * so that a GET leaves the vault as it found it.
   */
  public InclusionProof proofWithoutWriting(long index) throws IOException {
    return checkpoints.proofWithoutWriting(index);
  }

  /** Index of the first {@code acquired} (or {@code imported}) event of an item, if any. */
  public Optional<Long> acquisitionIndex(String sha256) throws IOException {
    return eventLog.acquisitionIndex(sha256);
  }

  /** Every event in log order. */
  public List<CustodyEvent> events() throws IOException {
    return eventLog.events();
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
    return PendingContent.metadataFile(root, sha256);
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
    return VaultVerifier.verify(dataDir, records, progress);
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

  @Override
  public void close() throws IOException {
    boolean clean = false;
    try {
      log.close();
      clean = !log.unsure();
    } finally {
      try {
        pending.close(clean);
      } finally {
        lock.release();
        lockChannel.close();
      }
    }
  }
}
