package org.sijill.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.VaultRecords;

/**
 * Evidence that arrives over the network (the web desk's upload, {@code POST /api/evidence}): each
 * upload is streamed to a file under the data directory's {@code uploads} folder under the name it
 * was sent with, then taken through {@link IngestEvidence} like {@code sijill vault add}, and the
 * answer says for each file whether it was seen before.
 *
 * <p>"Seen before" means: the same bytes are already in the vault (the earliest acquisition of them
 * is reported, at distance 0), or fingerprinting found earlier items that are the same picture or
 * footage, or a modified copy or excerpt of it. Earlier items come earliest acquisition first.
 *
 * <p>The vault is opened for each batch and closed after it, so the server holds it only while it
 * writes; batches are taken one at a time. The uploaded copies are deleted once the vault holds the
 * bytes (or has refused them).
 */
public final class ReceiveEvidence {
  private final Path dataDir;
  private final CaseFile caseFile;

  public ReceiveEvidence(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /** One file as it arrives: the name the sender gave it and its bytes, read once. */
  public interface Upload {
    String name();

    InputStream open() throws IOException;
  }

  /**
   * An earlier item a received file matches.
   *
   * @param id its evidence item
   * @param sha256 its content hash
   * @param distance closest distance of their fingerprints, in bits of 256 (0 for the same bytes)
   * @param acquiredAt when it was acquired
   * @param source where it came from ("" when unknown)
   * @param name the file name it arrived under
   */
  public record Seen(
      Long id, String sha256, int distance, Instant acquiredAt, String source, String name) {}

  /**
   * What became of one received file.
   *
   * @param name the name it was sent under (as stored: no folders, no control characters)
   * @param id its evidence item, or null when it was not stored
   * @param sha256 its content hash, or null when it was not stored
   * @param fingerprint "fingerprinted", or why not ("not fingerprinted: …"), or null when not new
   * @param seen earlier items it matches, earliest acquisition first (empty: new)
   * @param problem why it was not stored, or null
   */
  public record Received(
      String name, Long id, String sha256, String fingerprint, List<Seen> seen, String problem) {
    public Received {
      seen = List.copyOf(seen);
    }
  }

  /**
   * Stores the uploads in order with the given provenance.
   *
   * @throws EvidenceException when the vault cannot be opened
   */
  public synchronized List<Received> receive(
      List<? extends Upload> uploads, Provenance provenance) {
    Path dir;
    try {
      dir = Files.createTempDirectory(uploadsDir(dataDir), "batch-");
    } catch (IOException e) {
      throw new EvidenceException(dataDir + ": cannot make room for uploads: " + e.getMessage(), e);
    }
    try {
      List<Path> files = new ArrayList<>();
      List<String> names = new ArrayList<>();
      int n = 0;
      for (Upload u : uploads) {
        String name = safeName(u.name());
        // One folder per file, so that two uploads of the same name keep their own names.
        Path f = dir.resolve(Integer.toString(n++)).resolve(name);
        try (InputStream in = u.open()) {
          Files.createDirectories(f.getParent());
          Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new EvidenceException(
              name + ": the upload could not be read: " + e.getMessage(), e);
        }
        files.add(f);
        names.add(name);
      }
      IngestEvidence.Batch batch;
      try (EvidenceVault vault = EvidenceVault.open(dataDir, caseFile)) {
        batch = new IngestEvidence(vault, ProgressListener.NONE).ingest(files, provenance);
      }
      List<Received> out = new ArrayList<>();
      for (int i = 0; i < batch.files().size(); i++) {
        out.add(received(names.get(i), batch.files().get(i)));
      }
      return out;
    } finally {
      deleteTree(dir);
    }
  }

  private Received received(String name, IngestEvidence.FileOutcome f) {
    if (!f.stored()) {
      return new Received(name, null, null, null, List.of(), f.problem());
    }
    List<Seen> seen = new ArrayList<>();
    if (!f.newContent()) {
      Map<String, VaultRecords.Acquired> first =
          caseFile.vaultRecords().acquisitions(List.of(f.sha256()));
      VaultRecords.Acquired a = first.get(f.sha256());
      if (a != null) {
        // The source may be sealed (it may name a witness): revealed only as the case's keys allow.
        String source = caseFile.sealer().reveal(a.source(), "custody.source");
        seen.add(new Seen(a.id(), a.sha256(), 0, a.at(), source == null ? "" : source, a.name()));
      }
    } else {
      for (EarlierCopy c : f.earlier()) {
        if (c.related() && !c.thisVeryFile()) {
          seen.add(
              new Seen(
                  c.evidenceId(),
                  c.key(),
                  c.comparison().bestDistance(),
                  c.acquiredAt(),
                  c.source(),
                  c.name()));
        }
      }
    }
    seen.sort(Comparator.comparing(Seen::acquiredAt));
    String fp = f.fingerprint() == null ? null : f.fingerprint().describe();
    return new Received(name, f.evidenceId(), f.sha256(), fp, seen, null);
  }

  /**
   * The folder of a data directory where uploads wait while they arrive (the web server's multipart
   * parts too), created readable by the owner alone: it is on the vault's disk, not in memory or a
   * shared temporary folder.
   */
  public static Path uploadsDir(Path dataDir) {
    Path dir = dataDir.resolve("uploads");
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(
              dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new EvidenceException(dir + ": cannot make room for uploads: " + e.getMessage(), e);
    }
  }

  /**
   * The last path segment of a sender's file name, without control characters; "upload" when
   * nothing is left. The name is a claim of the sender's and is kept only as a label.
   */
  static String safeName(String sent) {
    String s = sent == null ? "" : sent;
    int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    s = s.substring(cut + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      return "upload";
    }
    return s.length() > 200 ? s.substring(s.length() - 200) : s;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // A leftover upload copy is not evidence; the next start's temp cleanup may take it.
    }
  }
}
