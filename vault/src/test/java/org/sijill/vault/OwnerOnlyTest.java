package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the vault writes may be opened by another local account. */
class OwnerOnlyTest {
  @TempDir Path parent;
  @TempDir Path files;

  @Test
  void everyFolderAndFileOfTheVaultIsItsOwnersAlone() throws Exception {
    Path data = parent.resolve("case");
    Path f = files.resolve("statement.txt");
    Files.writeString(f, "a synthetic statement");
    try (Vault v = Vault.open(data)) {
      v.add(
          f,
          new Acquisition(
              "collector-7", Instant.parse("2026-03-01T10:00:00Z"), "partner", null, "note"));
      v.checkpoint();
    }
    List<String> open = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> all = Files.walk(data)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        boolean others =
            perms.stream()
                .anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
        // The checkpoints' verifier key is public by design (it is handed to third parties).
        if (others && !p.getFileName().toString().equals("vault.vkey")) {
          open.add(data.relativize(p) + " " + PosixFilePermissions.toString(perms));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(8);
    assertThat(open).isEmpty();
  }
}
