package org.sijill.workflow;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaException;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.index.MediaIndex;

/**
 * Adds files that are not evidence in the vault (a reference collection, footage known to be old)
 * to the media index of a data directory, so that {@link FindEarlierCopies} finds them. Nothing is
 * stored in the vault or the case file.
 */
public final class IndexFiles {
  private final Path dataDir;
  private final ProgressListener progress;

  public IndexFiles(Path dataDir, ProgressListener progress) {
    this.dataDir = dataDir;
    this.progress = progress;
  }

  /**
   * @param problem why the file was not indexed, or null when it was
   * @param alreadyIndexed whether the index held these bytes already
   * @param earlier how many earlier items it matches
   */
  public record FileOutcome(
      Path file, String sha256, boolean alreadyIndexed, int frames, int earlier, String problem) {}

  /**
   * Indexes each file under its SHA-256; a file that cannot be decoded is reported and skipped.
   *
   * @param acquiredAt when they were obtained, or null for now
   * @throws EvidenceException when the index cannot be opened (another process is adding to it)
   */
  public List<FileOutcome> index(List<Path> files, String source, Instant acquiredAt) {
    List<FileOutcome> out = new ArrayList<>();
    MediaFingerprinter fp = new MediaFingerprinter();
    Path dir = dataDir.resolve("media");
    try (MediaIndex index = MediaIndex.openForWriting(dir)) {
      int n = 0;
      for (Path f : files) {
        progress.progress("indexing " + f.getFileName(), n++, files.size());
        Fingerprint p;
        try {
          p = fp.fingerprint(f);
        } catch (MediaException e) {
          out.add(new FileOutcome(f, null, false, 0, 0, e.getMessage()));
          continue;
        }
        MediaIndex.Added a =
            index.add(
                FindEarlierCopies.sha256(f),
                p,
                source,
                acquiredAt == null ? Instant.now() : acquiredAt,
                f.getFileName().toString());
        out.add(
            new FileOutcome(
                f,
                a.item().key(),
                a.alreadyIndexed(),
                p.frames().size(),
                a.earlier().size(),
                null));
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new EvidenceException(dir + ": " + e.getMessage(), e);
    }
    return out;
  }
}
