package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;
import org.sijill.vault.Acquisition;
import org.sijill.vault.Ingested;

/**
 * Brings files into the vault as evidence, one explicit path for each: store the original bytes →
 * log the acquisition (custody log, then its database mirror) → read metadata → fingerprint (PDQ
 * for images, sampled frames for videos) → record the earlier items it matches (earlier item,
 * distance, which copy was seen first) in the case file.
 *
 * <p>A batch goes on past a bad file and reports each file's outcome. A file that cannot be decoded
 * is stored and logged all the same and marked "not fingerprinted: REASON"; only a file that could
 * not be stored (unreadable, or the disk failed) counts as failed, and such a file leaves nothing
 * behind in the vault. The media index stays open for the whole batch.
 */
public final class IngestEvidence {
  private final EvidenceVault vault;
  private final ProgressListener progress;

  public IngestEvidence(EvidenceVault vault, ProgressListener progress) {
    this.vault = vault;
    this.progress = progress;
  }

  /**
   * One file's outcome.
   *
   * @param file the file as given
   * @param sha256 its content hash, or null when it was not stored
   * @param logIndex the index of its acquisition entry in the custody log (-1 when not stored)
   * @param evidenceId its evidence_item row (null when not stored)
   * @param newContent false when the same bytes were already in the vault (a new acquisition is
   *     logged, nothing else is redone)
   * @param fingerprint what fingerprinting made of it (null when not stored or not new)
   * @param earlier earlier items it matches, oldest acquisition first
   * @param problem why it was not stored, or null when it was
   */
  public record FileOutcome(
      Path file,
      String sha256,
      long logIndex,
      Long evidenceId,
      boolean newContent,
      FingerprintOutcome fingerprint,
      List<EarlierCopy> earlier,
      String problem) {
    public FileOutcome {
      earlier = List.copyOf(earlier);
    }

    public boolean stored() {
      return problem == null;
    }
  }

  /** Every file's outcome, in the order given. */
  public record Batch(List<FileOutcome> files) {
    public Batch {
      files = List.copyOf(files);
    }

    /** Whether every file was stored (decoding problems do not count: those files are kept). */
    public boolean allStored() {
      return files.stream().allMatch(FileOutcome::stored);
    }
  }

  /** Ingests the files in order; see the class comment for what happens to each. */
  public Batch ingest(List<Path> files, Provenance given) {
    // Where an item came from, its address and the note may name a witness: they enter the
    // custody log (and from it the database and the media index) sealed when the case has keys.
    Provenance provenance = sealed(given);
    Acquisition acq =
        new Acquisition(
            provenance.collector(),
            provenance.acquiredAt(),
            provenance.source(),
            provenance.url(),
            provenance.note());
    List<FileOutcome> out = new ArrayList<>();
    try (Fingerprinting fingerprinting = new Fingerprinting(vault)) {
      int n = 0;
      for (Path f : files) {
        progress.progress("storing " + f.getFileName(), n++, files.size());
        out.add(one(f, acq, provenance, fingerprinting));
      }
      progress.progress("stored", n, files.size());
    }
    return new Batch(out);
  }

  private Provenance sealed(Provenance p) {
    Sealer s = vault.caseFile().sealer();
    // A source the case file knows as public (a news channel, a ministry) stays in the clear, so
    // the evidence row links to it; any other source may be a person and is sealed.
    boolean publicSource =
        p.source() != null
            && vault
                .caseFile()
                .sources()
                .findByName(p.source())
                .filter(src -> "public".equals(src.confidentiality()))
                .isPresent();
    try {
      return new Provenance(
          p.collector(),
          p.acquiredAt(),
          publicSource ? p.source() : s.seal(p.source(), "custody.source"),
          s.seal(p.url(), "custody.url"),
          s.seal(p.note(), "custody.note"));
    } catch (KeyringException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  private FileOutcome one(
      Path f, Acquisition acq, Provenance provenance, Fingerprinting fingerprinting) {
    if (!Files.isRegularFile(f)) {
      return failed(f, "not a readable file");
    }
    if (!Files.isReadable(f)) {
      return failed(f, "permission denied");
    }
    Ingested in;
    try {
      in = vault.vault().add(f, acq);
    } catch (IOException | RuntimeException e) {
      return failed(f, "cannot store: " + e.getMessage());
    }
    String sha = in.blob().sha256();
    try {
      vault.mirror();
      Long id = vault.caseFile().evidence().findBySha256(sha).map(i -> i.id()).orElse(null);
      if (!in.blob().newlyStored()) {
        return new FileOutcome(f, sha, in.logIndex(), id, false, null, List.of(), null);
      }
      Fingerprinting.Result r =
          fingerprinting.fingerprint(
              sha, in.fileName(), provenance.collector(), provenance.source(), null);
      return new FileOutcome(f, sha, in.logIndex(), id, true, r.outcome(), r.earlier(), null);
    } catch (IOException e) {
      // Stored and logged: the log is the record, and the next open mirrors what is missing.
      return new FileOutcome(
          f,
          sha,
          in.logIndex(),
          null,
          in.blob().newlyStored(),
          FingerprintOutcome.notDone("interrupted: " + e.getMessage()),
          List.of(),
          null);
    }
  }

  private static FileOutcome failed(Path f, String why) {
    return new FileOutcome(f, null, -1, null, false, null, List.of(), why);
  }
}
