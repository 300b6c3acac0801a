package org.sijill.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.backup.DatabaseSnapshot;
import org.sijill.casefile.backup.TableData;

/**
 * {@code sijill backup}: one file holding the whole case — every database table, the vault's blobs,
 * metadata, custody log and checkpoints, the keys as they are at rest, and the media index —
 * consistent as of one instant, while a server may keep working on the case.
 *
 * <p>The instant is fixed under the vault's lock, which every evidence write holds from the blob to
 * its database mirror: with the lock held, the database snapshot is taken, the log's length is read
 * and a checkpoint of exactly that log is signed. Then the lock is released and the copy is written
 * from the snapshot and from files that never change once written (blobs, metadata, the log's
 * prefix). The file is written beside the target under a temporary name, forced to disk and then
 * renamed over it, so a backup killed midway leaves the previous backup file untouched.
 */
public final class BackupCase {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dataDir;
  private final CaseFile caseFile;
  private final ProgressListener progress;

  public BackupCase(Path dataDir, CaseFile caseFile, ProgressListener progress) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
    this.progress = progress;
  }

  /**
   * What was written.
   *
   * @param rows rows per table
   * @param logEntries custody log entries (the checkpoint's size)
   * @param blobs evidence files
   * @param parts entries in the backup file, manifest excluded
   * @param bytes size of the backup file
   */
  public record Result(
      Path file, long rows, int tables, long logEntries, int blobs, int parts, long bytes) {}

  /** What the vault held at the backup's instant. */
  private record VaultCut(
      long entries, long logBytes, String checkpoint, java.util.Map<String, Path> blobs) {}

  /**
   * Writes the backup to {@code out} (replacing an earlier backup there only once the new one is
   * complete).
   *
   * @throws BackupException when the case cannot be read or the file cannot be written
   */
  public Result write(Path out) {
    Path target = out.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(partial); // left by a backup that was killed
      Result r;
      try (FileChannel ch =
          FileChannel.open(
              partial,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              ownerOnly(target.getParent()))) {
        r = writeTo(ch, target);
        ch.force(true);
      }
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(target.getParent());
      return new Result(
          target, r.rows(), r.tables(), r.logEntries(), r.blobs(), r.parts(), Files.size(target));
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // the next backup removes it
      }
      if (e instanceof BackupException be) {
        throw be;
      }
      throw new BackupException("cannot write the backup " + target + ": " + e.getMessage(), e);
    }
  }

  private Result writeTo(FileChannel ch, Path target) throws IOException {
    ArrayNode parts = JSON.createArrayNode();
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", BackupFormat.FORMAT);
    manifest.put("created", Instant.now().toString());
    manifest.put("software", SoftwareVersion.current());
    ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(ch));
    long rows = 0;
    VaultCut cut;
    TableData data;
    progress.progress("taking the snapshot", 0, -1);
    DatabaseSnapshot snapshot = null;
    try {
      if (Files.isDirectory(dataDir.resolve("vault"))) {
        try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
          // The vault's lock is held: no evidence is being written anywhere.
          snapshot = DatabaseSnapshot.begin(caseFile);
          cut = cut(vault);
        }
      } else {
        snapshot = DatabaseSnapshot.begin(caseFile);
        cut = new VaultCut(0, 0, null, java.util.Map.of());
      }
      data = snapshot.description();
      List<TableData.Table> tables = data.tables();
      for (int i = 0; i < tables.size(); i++) {
        TableData.Table t = tables.get(i);
        progress.progress("database table " + t.name(), i, tables.size());
        DatabaseSnapshot s = snapshot;
        long written = part(zip, parts, BackupFormat.tablePart(t.name()), o -> s.copyOut(t, o));
        if (written != t.rows()) {
          throw new BackupException(
              "table " + t.name() + ": " + written + " rows written, " + t.rows() + " counted");
        }
        rows += written;
      }
    } finally {
      if (snapshot != null) {
        snapshot.close();
      }
    }
    Path vaultDir = dataDir.resolve("vault");
    if (cut.entries() > 0 || Files.exists(vaultDir.resolve("custody.log"))) {
      part(
          zip,
          parts,
          "vault/custody.log",
          o -> copyPrefix(vaultDir.resolve("custody.log"), cut.logBytes(), o));
      for (Path note : checkpointsUpTo(vaultDir.resolve("checkpoints"), cut.entries())) {
        part(zip, parts, name(note), o -> Files.copy(note, o));
      }
    }
    int blobs = 0;
    for (var e : cut.blobs().entrySet()) {
      String sha = e.getKey();
      Path blob = e.getValue();
      progress.progress("vault blobs", blobs, cut.blobs().size());
      zip.setLevel(Deflater.BEST_SPEED); // media is mostly compressed already
      if (!Files.isRegularFile(blob)) {
        throw new BackupException(
            "vault: the blob "
                + sha
                + " that the custody log names is missing (run sijill vault verify)");
      }
      part(zip, parts, name(blob), o -> Files.copy(blob, o));
      Path meta = vaultDir.resolve("meta").resolve(sha + ".json");
      if (Files.isRegularFile(meta)) {
        part(zip, parts, name(meta), o -> Files.copy(meta, o));
      }
      blobs++;
    }
    zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    for (Path f : files(dataDir.resolve("keys"))) {
      part(zip, parts, name(f), o -> Files.copy(f, o));
    }
    // The media index: its catalogue first, then the frames (forced before the catalogue lines
    // that commit them), so the copy never names frames it lacks; a torn tail is dropped on open.
    List<Path> media = files(dataDir.resolve("media"));
    media.sort(Comparator.comparing((Path p) -> !p.getFileName().toString().equals("items.tsv")));
    for (Path f : media) {
      if (!f.getFileName().toString().equals("lock")) {
        part(zip, parts, name(f), o -> Files.copy(f, o));
      }
    }
    ObjectNode db = manifest.putObject("database");
    db.put("source", caseFile.describe());
    db.set("migrations", JSON.valueToTree(data.migrations()));
    ArrayNode ts = db.putArray("tables");
    for (TableData.Table t : data.tables()) {
      ObjectNode n = JSON.valueToTree(t);
      n.put("part", BackupFormat.tablePart(t.name()));
      ts.add(n);
    }
    db.set("sequences", JSON.valueToTree(data.sequences()));
    ObjectNode v = manifest.putObject("vault");
    v.put("logEntries", cut.entries());
    v.put("logBytes", cut.logBytes());
    v.put("checkpoint", cut.checkpoint());
    v.put("blobs", blobs);
    manifest.set("parts", parts);
    zip.setComment(BackupFormat.FORMAT);
    zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
    zip.write(JSON.writeValueAsBytes(manifest));
    zip.closeEntry();
    zip.finish();
    zip.flush();
    progress.progress("written", 1, 1);
    return new Result(target, rows, data.tables().size(), cut.entries(), blobs, parts.size(), 0);
  }

  /** Under the vault's lock: the log's length and entries now, and a checkpoint of exactly them. */
  private VaultCut cut(EvidenceVault vault) throws IOException {
    long n = vault.vault().logSize();
    long bytes = Files.size(dataDir.resolve("vault").resolve("custody.log"));
    String note = n > 0 ? vault.vault().checkpoint() : null;
    java.util.Map<String, Path> blobs = new java.util.TreeMap<>();
    for (long i = 0; i < n; i++) {
      String sha = vault.vault().event(i).sha256();
      if (sha != null && !sha.isEmpty()) {
        blobs.put(sha, vault.vault().contentPath(sha));
      }
    }
    return new VaultCut(n, bytes, note, blobs);
  }

  @FunctionalInterface
  private interface Writer {
    long write(OutputStream out) throws IOException;
  }

  /**
   * Writes one entry, records its size and SHA-256 in {@code parts}; returns what {@code w} did.
   */
  private static long part(ZipOutputStream zip, ArrayNode parts, String name, Writer w)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    BackupFormat.Hashing h = new BackupFormat.Hashing(zip);
    long r = w.write(h);
    h.flush();
    zip.closeEntry();
    ObjectNode p = parts.addObject();
    p.put("path", name);
    p.put("bytes", h.bytes());
    p.put("sha256", h.sha256());
    return r;
  }

  private static long copyPrefix(Path file, long bytes, OutputStream out) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      long left = bytes;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new BackupException(file + " is shorter than its checkpoint");
        }
        out.write(buf, 0, n);
        left -= n;
      }
    }
    return bytes;
  }

  /** The checkpoint files (signed notes and timestamps) of log sizes up to {@code size}. */
  private static List<Path> checkpointsUpTo(Path dir, long size) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path f : files(dir)) {
      String n = f.getFileName().toString();
      int dot = n.indexOf('.');
      if (dot > 0 && n.substring(0, dot).chars().allMatch(Character::isDigit)) {
        if (Long.parseLong(n.substring(0, dot)) <= size) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /** The regular files under {@code dir} (none when it is absent), sorted. */
  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return new ArrayList<>(
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList());
    }
  }

  /** The part name of a file of the data directory: its relative path with '/'. */
  private String name(Path f) {
    String n = dataDir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
    if (!BackupFormat.allowedPart(n)) {
      throw new BackupException("not a part of a case: " + f);
    }
    return n;
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path dir) {
    if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
        == null) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  static void forceDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // not every file system lets a directory be forced; the rename is then as durable as it gets
    }
  }
}
