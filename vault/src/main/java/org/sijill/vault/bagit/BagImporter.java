package org.sijill.vault.bagit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.EventType;
import org.sijill.vault.Ingested;
import org.sijill.vault.PackageRejectedException;
import org.sijill.vault.ProgressListener;
import org.sijill.vault.Vault;
import org.sijill.vault.internal.AtomicFiles;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.store.StoredBlob;

/**
 * Imports an evidence package (a bag directory or a zip of one): unpacks a zip into a private
 * staging folder with every name checked (no "zip-slip"), verifies the whole package with {@link
 * BagReader}, and only then stores its items, each with an {@code imported} custody event that
 * names the sending vault's origin, its log index and the checkpoint it was proved against. The
 * package's custody extract is kept under {@code vault/imports/<sha256 of its checkpoint>/}.
 */
public final class BagImporter {
  private static final long MAX_ENTRIES = 1_000_000;
  private static final long MAX_EXPANSION = 100;
  private final Vault vault;
  private final Path staging;

  public BagImporter(Vault vault, Path staging) {
    this.vault = vault;
    this.staging = staging;
  }

  /** Imports a package; a non-null {@code expectedKey} must have signed its checkpoint. */
  public List<Ingested> importBag(Path pkg, String actor, String expectedKey) throws IOException {
    if (!Files.exists(pkg)) {
      throw new PackageRejectedException(pkg + ": no such package");
    }
    Path stage = null;
    try {
      Path dir = pkg;
      if (Files.isRegularFile(pkg)) {
        stage = staging.resolve(UUID.randomUUID().toString());
        Files.createDirectories(stage);
        unzip(pkg, stage);
        dir = stage;
      }
      BagReader.Verified v = new BagReader(dir).verify(ProgressListener.NONE);
      if (expectedKey != null
          && !NoteVerifier.parse(expectedKey).verifierKey().equals(v.key().verifierKey())) {
        throw new PackageRejectedException(
            BagLayout.KEY
                + ": the package is signed by "
                + v.key().verifierKey()
                + ", not by the expected key");
      }
      return store(v, pkg.getFileName().toString(), actor);
    } finally {
      if (stage != null) {
        BagExporter.deleteTree(stage);
      }
    }
  }

  private List<Ingested> store(BagReader.Verified v, String pkgName, String actor)
      throws IOException {
    String noteSha =
        Vault.sha256Hex(v.checkpointNote().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path keep = vault.dataDir().resolve("vault").resolve("imports").resolve(noteSha);
    try (var s = Files.walk(v.dir().resolve("custody"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          AtomicFiles.write(
              keep.resolve(v.dir().resolve("custody").relativize(p).toString()),
              Files.readAllBytes(p));
        }
      }
    }
    List<Ingested> out = new ArrayList<>();
    // In the order the sending vault acquired them.
    for (String sha : v.acquisitionIndex().keySet()) {
      if (!v.sizes().containsKey(sha)) {
        continue;
      }
      long logSizeBefore = vault.log().size();
      StoredBlob blob;
      try (InputStream in = Files.newInputStream(v.dir().resolve(BagLayout.DATA + sha))) {
        blob = vault.putPending(in);
      }
      Path metaFile = vault.metadataFile(sha);
      boolean metadataIsNew = v.withMetadata().contains(sha) && !Files.exists(metaFile);
      try {
        out.add(logImport(v, sha, blob, pkgName, noteSha, actor));
      } catch (IOException | RuntimeException | Error e) {
        vault.takeBack(blob, metadataIsNew, logSizeBefore, e);
        throw e;
      }
    }
    return out;
  }

  /** Logs one stored item of a verified package as imported (with its metadata when new). */
  private Ingested logImport(
      BagReader.Verified v,
      String sha,
      StoredBlob blob,
      String pkgName,
      String noteSha,
      String actor)
      throws IOException {
    if (!blob.sha256().equals(sha)) {
      // The package changed between verification and storing: refuse to log it.
      throw new PackageRejectedException(BagLayout.DATA + sha + ": changed while importing");
    }
    CustodyEvent acq = v.acquisitions().get(sha);
    Map<String, String> d = new TreeMap<>();
    for (String k : List.of("file_name", "mime_type", "source", "url", "note", "acquired_at")) {
      String val = acq.details().get(k);
      if (val != null) {
        d.put(k, val);
      }
    }
    d.put("size", Long.toString(blob.size()));
    d.put("sha512", blob.sha512());
    d.put("package", pkgName);
    d.put("source_origin", v.checkpoint().origin());
    d.put("source_log_index", Long.toString(v.acquisitionIndex().get(sha)));
    d.put("source_tree_size", Long.toString(v.checkpoint().size()));
    d.put("source_root", BagReader.b64(v.checkpoint().root()));
    d.put("source_checkpoint_sha256", noteSha);
    d.put("source_key", v.key().verifierKey());
    d.put("source_collector", acq.actor());
    List<byte[]> entries = new ArrayList<>();
    Path metaFile = vault.metadataFile(sha);
    byte[] meta = null;
    if (v.withMetadata().contains(sha) && !Files.exists(metaFile)) {
      meta = Files.readAllBytes(v.dir().resolve(BagLayout.METADATA + sha + ".json"));
      AtomicFiles.write(metaFile, meta);
    }
    long index;
    synchronized (vault.log()) {
      vault.requireStored(sha);
      long seq = vault.log().size();
      entries.add(CustodyEvent.of(seq, EventType.IMPORTED, sha, actor, vault.now(), d).toBytes());
      if (meta != null) {
        entries.add(
            CustodyEvent.of(
                    seq + 1,
                    EventType.METADATA_EXTRACTED,
                    sha,
                    actor,
                    vault.now(),
                    Map.of(
                        "metadata_sha256",
                        Vault.sha256Hex(meta),
                        "reader",
                        "imported from " + pkgName))
                .toBytes());
      }
      index = vault.log().appendAll(entries);
    }
    return new Ingested(
        blob,
        index,
        d.getOrDefault("mime_type", "application/octet-stream"),
        d.getOrDefault("file_name", sha));
  }

  /** Unpacks a zip, refusing any name that could land outside {@code into}. */
  private static void unzip(Path zip, Path into) throws IOException {
    Path base = into.toAbsolutePath().normalize();
    long count = 0;
    long unpacked = 0;
    // Evidence (video, photos) barely compresses; a package that inflates a hundredfold is not one.
    long limit = MAX_EXPANSION * Files.size(zip) + (64L << 20);
    // ZipFile reads the central directory at the end of the file, so a truncated package fails
    // here rather than looking like a shorter, complete one.
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zf.entries())) {
        if (++count > MAX_ENTRIES) {
          throw new PackageRejectedException(zip + ": too many entries");
        }
        String name = e.getName();
        if (e.isDirectory()) {
          name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        }
        String problem = BagManifests.unsafe(name);
        Path target = base.resolve(name).normalize();
        if (problem != null || !target.startsWith(base) || target.equals(base)) {
          throw new PackageRejectedException(
              zip
                  + ": entry '"
                  + e.getName()
                  + "' would be written outside the package"
                  + (problem == null ? "" : " (" + problem + ")"));
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        if (Files.exists(target)) {
          throw new PackageRejectedException(zip + ": entry '" + name + "' appears twice");
        }
        Files.createDirectories(target.getParent());
        try (InputStream z = zf.getInputStream(e);
            OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[1 << 16];
          int n;
          while ((n = z.read(buf)) >= 0) {
            out.write(buf, 0, n);
            unpacked += n;
            if (unpacked > limit) {
              throw new PackageRejectedException(
                  zip + ": unpacks to more than " + MAX_EXPANSION + " times its size (zip bomb?)");
            }
          }
        }
      }
    } catch (ZipException | java.io.EOFException ex) {
      throw new PackageRejectedException(
          zip + ": damaged or truncated zip: " + ex.getMessage(), ex);
    }
    if (count == 0) {
      throw new PackageRejectedException(zip + ": not a zip package (or empty)");
    }
  }
}
