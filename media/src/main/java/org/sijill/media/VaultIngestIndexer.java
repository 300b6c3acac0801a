package org.sijill.media;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.sijill.vault.IngestListener;
import org.sijill.vault.StoredBlob;

/**
 * The vault's ingest hook for media: every image or video newly stored in the vault is
 * fingerprinted and indexed under {@code <data>/media/} by its SHA-256, and when it matches an
 * earlier item a flag is appended to {@code <data>/media/near-duplicates.tsv} and reported on
 * stderr. Registered as a {@link java.util.ServiceLoader} service, which is how {@code sijill vault
 * add} finds listeners.
 *
 * <p>Never throws: the vault has already stored the item, and a file we cannot fingerprint (not
 * media, damaged, too large) must not make the ingest look failed. Such files are reported on
 * stderr, except those that are simply not images or videos.
 */
public final class VaultIngestIndexer implements IngestListener {
  private final PrintStream err;

  /** The service constructor: reports go to stderr. */
  public VaultIngestIndexer() {
    this(System.err);
  }

  VaultIngestIndexer(PrintStream err) {
    this.err = err;
  }

  @Override
  public void ingested(StoredBlob blob, Path content) {
    Optional<Path> data = dataDirOf(content);
    if (data.isEmpty()) {
      return;
    }
    Fingerprint fp;
    try {
      fp = new MediaFingerprinter().fingerprint(content);
    } catch (MediaException e) {
      if (!e.unrecognised()) {
        err.println(
            "sijill media: item "
                + blob.sha256()
                + " not fingerprinted: "
                + e.getMessage().replace(content.toString(), "the file"));
      }
      return;
    } catch (RuntimeException | LinkageError e) {
      err.println("sijill media: item " + blob.sha256() + " not fingerprinted: " + e);
      return;
    }
    Path dir = data.get().resolve("media");
    try (MediaIndex index = MediaIndex.openForWriting(dir)) {
      MediaIndex.Added added = index.add(blob.sha256(), fp, "", null, blob.sha256());
      for (SeenMatch m : added.earlier()) {
        NearDuplicateFlags.append(dir, blob.sha256(), m);
        err.println(
            "sijill media: item "
                + blob.sha256()
                + " matches earlier item "
                + m.item().key()
                + " ("
                + m.comparison().verdict().label()
                + ")");
      }
    } catch (RuntimeException e) {
      err.println("sijill media: item " + blob.sha256() + " not indexed: " + e.getMessage());
    }
  }

  /**
   * The data directory of a stored vault file: the vault keeps content under {@code
   * <data>/vault/blobs/}, and the hook is given only the content path.
   */
  static Optional<Path> dataDirOf(Path content) {
    Path p = content.toAbsolutePath().normalize();
    for (Path d = p.getParent(); d != null; d = d.getParent()) {
      if (p.startsWith(d.resolve("vault").resolve("blobs"))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
