package org.sijill.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaException;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.index.MediaIndex;
import org.sijill.media.index.SeenMatch;
import org.sijill.vault.Digests;

/**
 * The recycled-footage question ({@code sijill media seen FILE}): every item seen before that
 * matches a file, oldest acquisition first, with its source and date. For vault items, acquisition
 * date, source and name come from the case file; for files indexed outside the vault, from the
 * media index. Reads only: the vault is not opened, so this works while another process ingests.
 */
public final class FindEarlierCopies {
  private final Path dataDir;
  private final CaseFile caseFile;

  public FindEarlierCopies(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /**
   * @param file the file asked about
   * @param sha256 its content hash
   * @param video whether it was fingerprinted as a video
   * @param indexSize items in the media index
   * @param copies the matches, oldest acquisition first
   */
  public record Result(
      Path file, String sha256, boolean video, int indexSize, List<EarlierCopy> copies) {
    public Result {
      copies = List.copyOf(copies);
    }

    /** How many are the same picture or footage, or a modified copy or excerpt of it. */
    public long related() {
      return copies.stream().filter(EarlierCopy::related).count();
    }
  }

  /**
   * @throws EvidenceException when the file cannot be read or decoded, or the index is damaged
   */
  public Result find(Path file) {
    Fingerprint fp;
    try {
      fp = new MediaFingerprinter().fingerprint(file);
    } catch (MediaException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
    String sha = sha256(file);
    Path dir = dataDir.resolve("media");
    List<SeenMatch> matches = List.of();
    int size = 0;
    if (Files.isDirectory(dir)) {
      try (MediaIndex index = MediaIndex.openForReading(dir)) {
        matches = index.seen(fp);
        size = index.items().size();
      } catch (UncheckedIOException e) {
        throw new EvidenceException(dir + ": " + e.getMessage(), e);
      }
    }
    List<String> keys = new ArrayList<>();
    for (SeenMatch m : matches) {
      keys.add(m.item().key());
    }
    Map<String, VaultRecords.Acquired> known = caseFile.vaultRecords().acquisitions(keys);
    List<EarlierCopy> copies = new ArrayList<>();
    for (SeenMatch m : matches) {
      copies.add(EarlierCopies.copy(m, known.get(m.item().key()), sha, caseFile.sealer()));
    }
    copies.sort(EarlierCopies.OLDEST_FIRST);
    return new Result(file, sha, fp instanceof VideoFingerprint, size, copies);
  }

  static String sha256(Path f) {
    try {
      return Digests.sha256(f);
    } catch (IOException e) {
      throw new EvidenceException(f + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
