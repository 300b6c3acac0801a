package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.sijill.vault.internal.AtomicFiles;
import org.sijill.vault.internal.MetadataReader;
import org.sijill.vault.log.CustodyLog;
import org.sijill.vault.store.FileBlobStore;
import org.sijill.vault.store.StoredBlob;

/**
 * Adding one file to a vault: its bytes stored, its metadata read once, its acquisition logged. The
 * order is the vault's crash rule (content durable before the entry naming it); see {@link
 * Vault#add} for what a caller may rely on when this returns or throws.
 */
final class Ingest {
  private final Path root;
  private final FileBlobStore store;
  private final CustodyLog log;
  private final PendingContent pending;
  private final Supplier<Instant> clock;
  private final MetadataReader metadata = new MetadataReader();

  Ingest(
      Path root,
      FileBlobStore store,
      CustodyLog log,
      PendingContent pending,
      Supplier<Instant> clock) {
    this.root = root;
    this.store = store;
    this.log = log;
    this.pending = pending;
    this.clock = clock;
  }

  Ingested add(Path file, Acquisition acquisition) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    long logSizeBefore = log.size();
    StoredBlob blob;
    try (InputStream in = Files.newInputStream(file)) {
      blob = pending.put(in);
    }
    Path metaFile = PendingContent.metadataFile(root, blob.sha256());
    boolean newMetadata = !Files.exists(metaFile);
    try {
      return logAcquisition(blob, name, metaFile, newMetadata, acquisition);
    } catch (IOException | RuntimeException | Error e) {
      pending.takeBack(blob, newMetadata, logSizeBefore, e);
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
    Instant now = clock.get();
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
      pending.requireStored(blob.sha256());
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
                    Map.of(
                        "metadata_sha256", Vault.sha256Hex(meta), "reader", MetadataReader.VERSION))
                .toBytes());
      }
      index = log.appendAll(entries);
    }
    return new Ingested(blob, index, mime, name);
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
