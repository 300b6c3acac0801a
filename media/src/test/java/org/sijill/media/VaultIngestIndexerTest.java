package org.sijill.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.Acquisition;
import org.sijill.vault.Ingested;
import org.sijill.vault.Vault;

class VaultIngestIndexerTest {
  @TempDir Path data;
  @TempDir Path files;

  @Test
  void vaultAddIndexesImagesAndFlagsNearDuplicatesOfEarlierItems() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path text = Files.writeString(files.resolve("note.txt"), "not a picture at all\n");
    byte[] jpeg = Files.readAllBytes(TestData.pdq("bridge-1-original.jpg"));
    Path broken = files.resolve("broken.jpg");
    Files.write(broken, Arrays.copyOf(jpeg, jpeg.length / 3));
    Ingested first;
    Ingested second;
    try (Vault v = Vault.open(data)) {
      v.addListener(new VaultIngestIndexer(new PrintStream(err, true, StandardCharsets.UTF_8)));
      first = v.add(TestData.pdq("bridge-1-original.jpg"), Acquisition.by("tester"));
      second = v.add(TestData.pdq("bridge-3-rotate-180.jpg"), Acquisition.by("tester"));
      v.add(text, Acquisition.by("tester"));
      Ingested bad = v.add(broken, Acquisition.by("tester"));
      assertThat(bad.blob().sha256()).hasSize(64); // stored all the same
    }
    String messages = err.toString(StandardCharsets.UTF_8);
    assertThat(messages)
        .contains(
            "item "
                + second.blob().sha256()
                + " matches earlier item "
                + first.blob().sha256()
                + " (same)")
        .contains("not fingerprinted")
        .doesNotContain("note.txt");
    try (MediaIndex index = MediaIndex.openForReading(data.resolve("media"))) {
      assertThat(index.items())
          .extracting(MediaItem::key)
          .containsExactly(first.blob().sha256(), second.blob().sha256());
    }
    assertThat(NearDuplicateFlags.read(data.resolve("media")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.item()).isEqualTo(second.blob().sha256());
              assertThat(f.earlierItem()).isEqualTo(first.blob().sha256());
            });
  }

  @Test
  void findsTheDataDirectoryFromTheStoredPath() {
    Path content = Path.of("/d/vault/blobs/ab/cd/abcd");
    assertThat(VaultIngestIndexer.dataDirOf(content)).contains(Path.of("/d"));
    assertThat(VaultIngestIndexer.dataDirOf(Path.of("/elsewhere/x"))).isEmpty();
  }
}
