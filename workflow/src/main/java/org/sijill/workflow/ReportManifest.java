package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sijill.vault.Digests;

/**
 * The report folder's manifest: one {@code <sha256> <path>} line per file (as {@code sha256sum}
 * prints, so {@code sha256sum -c MANIFEST-sha256.txt} checks it), paths with {@code /}, sorted. The
 * manifest itself and the checkpoint (which commits to the manifest) are not in it.
 */
final class ReportManifest {
  static final Set<String> OUTSIDE =
      Set.of(PublishReport.MANIFEST, PublishReport.CHECKPOINT, PublishReport.CHECKPOINT_JS);

  private ReportManifest() {}

  static String of(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    hashes(dir).forEach((path, sha) -> b.append(sha).append("  ").append(path).append('\n'));
    return b.toString();
  }

  /** Relative path to SHA-256 (hex) of every file in the folder that the manifest covers. */
  static TreeMap<String, String> hashes(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (!OUTSIDE.contains(rel)) {
        out.put(rel, sha256(f));
      }
    }
    return out;
  }

  static String sha256(Path f) throws IOException {
    return Digests.sha256(f);
  }
}
