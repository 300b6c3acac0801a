package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.backup.DatabaseLoader;
import org.sijill.casefile.backup.TableData;
import org.sijill.vault.Fault;
import org.sijill.vault.Vault;

/**
 * {@code sijill restore}: rebuilds a case from a backup file in a new data directory, and says it
 * succeeded only after checking everything — every part against the manifest's SHA-256, the custody
 * log and its checkpoints (signatures and roots), every blob against its address, the database's
 * schema and the row count of every table, and every evidence row against the log.
 *
 * <p>The case is built in a hidden folder beside the target and renamed into place only when every
 * check passed, so a damaged backup leaves nothing behind. With {@code jdbcUrl} (an organisation's
 * server) the database must be empty; its rows are loaded in one transaction after the files have
 * been checked.
 */
public final class RestoreCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProgressListener progress;

  public RestoreCase(ProgressListener progress) {
    this.progress = progress;
  }

  /**
   * What was restored and checked.
   *
   * @param rows rows per table, as counted in the restored database
   * @param logEntries custody log entries
   * @param blobs evidence files
   * @param items evidence items in the restored case
   * @param notes what the checks had to finish (normally none)
   */
  public record Result(
      Path dataDir,
      Map<String, Long> rows,
      long logEntries,
      int blobs,
      int items,
      String checkpoint,
      List<String> notes) {}

  /**
   * Restores {@code backup} into {@code dataDir}, which must not exist or be empty.
   *
   * @param passphrase when given, the restored sealing keys are opened with it as a check
   * @throws BackupException naming the part that fails; nothing is left in {@code dataDir}
   */
  public Result restore(
      Path backup, Path dataDir, Optional<String> jdbcUrl, Optional<char[]> passphrase) {
    Path target = dataDir.toAbsolutePath();
    if (Files.exists(target)) {
      try (Stream<Path> s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new BackupException(
              target + " is not empty: restore only into a new or empty folder");
        }
      } catch (IOException e) {
        throw new BackupException(target + ": " + e.getMessage(), e);
      }
    }
    Path stage =
        target.resolveSibling("." + target.getFileName() + ".restoring-" + UUID.randomUUID());
    try {
      Files.createDirectories(target.getParent());
      Result r = restoreInto(backup, stage, target, jdbcUrl, passphrase);
      if (Files.exists(target)) {
        Files.delete(target); // empty, checked above
      }
      Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
      BackupCase.forceDirectory(target.getParent());
      return r;
    } catch (IOException | RuntimeException e) {
      deleteTree(stage);
      if (e instanceof BackupException be) {
        throw be;
      }
      if (e instanceof NoSuchFileException) {
        throw new BackupException(backup + ": no such file", e);
      }
      throw new BackupException("cannot restore " + backup + ": " + e.getMessage(), e);
    }
  }

  private Result restoreInto(
      Path backup, Path stage, Path target, Optional<String> jdbcUrl, Optional<char[]> passphrase)
      throws IOException {
    try (ZipFile zip = open(backup)) {
      JsonNode manifest = manifest(zip, backup);
      Map<String, JsonNode> parts = parts(zip, manifest, backup);
      // 1. Every part against the manifest, unpacked into the hidden folder as it is read.
      Files.createDirectories(stage);
      restrict(stage);
      Path tables = stage.resolve(".restore-database");
      int n = 0;
      for (Map.Entry<String, JsonNode> p : parts.entrySet()) {
        progress.progress("checking parts", n++, parts.size());
        String name = p.getKey();
        Path out =
            name.startsWith(BackupFormat.DATABASE)
                ? tables.resolve(name.substring(BackupFormat.DATABASE.length()))
                : stage.resolve(name);
        unpack(zip, name, p.getValue(), out);
      }
      // 2. The vault on its own: blobs, log, checkpoints (before any database is touched).
      progress.progress("checking the vault", 0, -1);
      List<Fault> vaultFaults =
          Vault.verify(
              stage, List.of(), (done, total, what) -> progress.progress(what, done, total));
      if (!vaultFaults.isEmpty()) {
        throw new BackupException(
            "the backup's vault does not check: "
                + String.join("; ", vaultFaults.stream().map(Fault::toString).toList()));
      }
      JsonNode v = manifest.path("vault");
      String checkpoint = v.path("checkpoint").isTextual() ? v.path("checkpoint").asText() : null;
      if (checkpoint != null) {
        Path note =
            stage
                .resolve("vault")
                .resolve("checkpoints")
                .resolve(String.format("%020d.note", v.path("logEntries").asLong()));
        if (!Files.isRegularFile(note) || !Files.readString(note).equals(checkpoint)) {
          throw new BackupException(
              "part vault/checkpoints: the backup's checkpoint of "
                  + v.path("logEntries").asLong()
                  + " entries is missing or differs from the manifest");
        }
      }
      // 3. The database: schema, rows, counts — one transaction.
      TableData data = tableData(manifest.path("database"));
      progress.progress("loading the database", 0, data.tables().size());
      try (CaseFile cf = CaseFile.open(stage, jdbcUrl)) {
        Map<String, Long> rows;
        try {
          rows =
              DatabaseLoader.load(
                  cf, data, t -> Files.newInputStream(tables.resolve(t.name() + ".copy")));
        } catch (DatabaseLoader.LoadException e) {
          throw new BackupException("part database: " + e.getMessage(), e);
        }
        deleteTree(tables);
        // 4. The whole trail: every evidence row and custody event against the log.
        VerifyVault.Report report = new VerifyVault(stage, cf, progress).verify();
        if (!report.sound()) {
          throw new BackupException(
              "the restored case does not check: " + String.join("; ", report.faults()));
        }
        if (report.logEntries() != v.path("logEntries").asLong()) {
          throw new BackupException(
              "part vault/custody.log: "
                  + report.logEntries()
                  + " entries, the manifest says "
                  + v.path("logEntries").asLong());
        }
        if (passphrase.isPresent()) {
          new org.sijill.workflow.keys.CaseKeys(stage, cf).unlock(passphrase.get());
        }
        return new Result(
            target,
            rows,
            report.logEntries(),
            v.path("blobs").asInt(),
            report.items(),
            checkpoint,
            report.notes());
      }
    }
  }

  private static ZipFile open(Path backup) throws IOException {
    try {
      return new ZipFile(backup.toFile());
    } catch (ZipException e) {
      throw new BackupException(
          backup + ": not a readable backup file (" + e.getMessage() + ")", e);
    }
  }

  private static JsonNode manifest(ZipFile zip, Path backup) throws IOException {
    ZipEntry m = zip.getEntry(BackupFormat.MANIFEST);
    if (m == null) {
      throw new BackupException(
          backup + ": no " + BackupFormat.MANIFEST + " (not a Sijill backup, or cut short)");
    }
    JsonNode manifest;
    try (InputStream in = zip.getInputStream(m)) {
      manifest = JSON.readTree(in);
    } catch (IOException e) {
      throw new BackupException(
          "part " + BackupFormat.MANIFEST + ": unreadable: " + e.getMessage(), e);
    }
    if (!BackupFormat.FORMAT.equals(manifest.path("format").asText())) {
      throw new BackupException(
          "part "
              + BackupFormat.MANIFEST
              + ": format '"
              + manifest.path("format").asText()
              + "' is not "
              + BackupFormat.FORMAT);
    }
    return manifest;
  }

  /** The manifest's parts by name, after checking that they and the archive's entries agree. */
  private static Map<String, JsonNode> parts(ZipFile zip, JsonNode manifest, Path backup) {
    Map<String, JsonNode> parts = new LinkedHashMap<>();
    for (JsonNode p : manifest.path("parts")) {
      String name = p.path("path").asText();
      if (!BackupFormat.allowedPart(name)) {
        throw new BackupException("part " + name + ": not a path a backup may hold");
      }
      if (!p.path("sha256").asText().matches("[0-9a-f]{64}")
          || !p.path("bytes").canConvertToLong()) {
        throw new BackupException("part " + name + ": the manifest gives no SHA-256 or size");
      }
      if (parts.put(name, p) != null) {
        throw new BackupException("part " + name + ": listed twice in the manifest");
      }
    }
    Map<String, Boolean> seen = new HashMap<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.equals(BackupFormat.MANIFEST)) {
        continue;
      }
      if (!parts.containsKey(name)) {
        throw new BackupException("part " + name + ": in the file but not in the manifest");
      }
      if (seen.put(name, true) != null) {
        throw new BackupException("part " + name + ": twice in the file");
      }
    }
    for (String name : parts.keySet()) {
      if (!seen.containsKey(name)) {
        throw new BackupException("part " + name + ": in the manifest but missing from " + backup);
      }
    }
    return parts;
  }

  private static void unpack(ZipFile zip, String name, JsonNode expected, Path out)
      throws IOException {
    Files.createDirectories(out.getParent());
    BackupFormat.Hashing h;
    try (InputStream in = zip.getInputStream(zip.getEntry(name));
        OutputStream file = Files.newOutputStream(out)) {
      h = new BackupFormat.Hashing(file);
      in.transferTo(h);
      h.flush();
    } catch (ZipException e) {
      throw new BackupException("part " + name + ": damaged (" + e.getMessage() + ")", e);
    }
    if (h.bytes() != expected.path("bytes").asLong()
        || !h.sha256().equals(expected.path("sha256").asText())) {
      throw new BackupException(
          "part " + name + ": its SHA-256 or size differs from the manifest (damaged or altered)");
    }
    restrict(out);
  }

  private static TableData tableData(JsonNode db) {
    try {
      List<TableData.Migration> ms = new ArrayList<>();
      for (JsonNode m : db.path("migrations")) {
        ms.add(JSON.treeToValue(m, TableData.Migration.class));
      }
      List<TableData.Table> ts = new ArrayList<>();
      for (JsonNode t : db.path("tables")) {
        List<String> cols = new ArrayList<>();
        t.path("columns").forEach(c -> cols.add(c.asText()));
        ts.add(new TableData.Table(t.path("name").asText(), cols, t.path("rows").asLong()));
      }
      List<TableData.SequenceValue> ss = new ArrayList<>();
      for (JsonNode s : db.path("sequences")) {
        ss.add(JSON.treeToValue(s, TableData.SequenceValue.class));
      }
      return new TableData(ms, ts, ss);
    } catch (IOException e) {
      throw new BackupException(
          "part " + BackupFormat.MANIFEST + ": database: " + e.getMessage(), e);
    }
  }

  private static void restrict(Path p) throws IOException {
    if (Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class)
        != null) {
      Files.setPosixFilePermissions(
          p,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: what is left is a hidden folder that names itself as a failed restore
    }
  }
}
