package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.sijill.vault.store.BlobStore;

/**
 * Re-hashes every item the custody log names and compares it with what the log says: present,
 * hashing to its own address, the logged size and SHA-512. Reads only through {@link BlobStore}, so
 * the same check holds for any store that keeps that contract; how the disk lays out its files is
 * {@link VaultVerifier}'s separate check.
 */
final class ContentCheck {
  /** What the log says an item's content is: the entry that acquired it, its size and SHA-512. */
  record Expected(long index, long size, String sha512) {}

  private ContentCheck() {}

  /** Adds one fault per item that is missing or differs from its log entry, in key order. */
  static void run(
      BlobStore store,
      Map<String, Expected> expected,
      ProgressListener progress,
      List<Fault> faults)
      throws IOException {
    long done = 0;
    for (Map.Entry<String, Expected> item : expected.entrySet()) {
      String sha = item.getKey();
      Expected exp = item.getValue();
      progress.progress(done++, expected.size(), "blobs");
      if (!store.contains(sha)) {
        faults.add(
            new Fault(
                "blob " + sha,
                "missing from the store (acquired in log entry " + exp.index() + ")"));
        continue;
      }
      Digests.Result d;
      try (InputStream in = store.open(sha).orElseThrow()) {
        d = Digests.copy(in, null);
      }
      if (!d.sha256().equals(sha)) {
        faults.add(new Fault("blob " + sha, "content changed: it now hashes to " + d.sha256()));
      } else if (exp.size() != d.size()) {
        faults.add(
            new Fault("blob " + sha, "size " + d.size() + " but the log says " + exp.size()));
      } else if (exp.sha512() != null && !exp.sha512().equals(d.sha512())) {
        faults.add(new Fault("blob " + sha, "SHA-512 differs from the one logged"));
      }
    }
    progress.progress(expected.size(), expected.size(), "blobs");
  }
}
