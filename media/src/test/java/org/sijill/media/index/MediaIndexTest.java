package org.sijill.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.TestData;
import org.sijill.media.Verdict;

class MediaIndexTest {
  @TempDir Path dir;
  private final MediaFingerprinter fp = new MediaFingerprinter();

  @Test
  void seenListsEarlierMatchesOldestAcquisitionFirstAndSurvivesReopening() {
    Path idx = dir.resolve("media");
    Fingerprint rotated = fp.fingerprint(TestData.pdq("bridge-2-rotate-90.jpg"));
    Fingerprint blurred = fp.fingerprint(TestData.pdq("mods-blur-a-lot.jpg"));
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      MediaIndex.Added first =
          m.add("k-rot", rotated, "Source B", Instant.parse("2023-05-02T10:00:00Z"), "rot.jpg");
      assertThat(first.earlier()).isEmpty();
      MediaIndex.Added second =
          m.add("k-blur", blurred, "Source A", Instant.parse("2021-01-15T08:00:00Z"), "blur.jpg");
      assertThat(second.earlier()).extracting(s -> s.item().key()).containsExactly("k-rot");
      assertThat(m.add("k-blur", blurred, "again", null, "blur.jpg").alreadyIndexed()).isTrue();
    }
    try (MediaIndex m = MediaIndex.openForReading(idx)) {
      List<SeenMatch> seen = m.seen(fp.fingerprint(TestData.pdq("bridge-1-original.jpg")));
      assertThat(seen).extracting(s -> s.item().source()).containsExactly("Source A", "Source B");
      assertThat(seen)
          .allSatisfy(s -> assertThat(s.comparison().verdict()).isNotEqualTo(Verdict.DIFFERENT));
      assertThat(m.items()).hasSize(2);
    }
  }

  @Test
  void aTornTailFromACrashIsDroppedAndTheIndexKeepsWorking() throws IOException {
    Path idx = dir.resolve("media");
    Fingerprint a = fp.fingerprint(TestData.pdq("mods-square-128x128.jpg"));
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      m.add("k1", a, "s", null, "a.jpg");
    }
    // a crash after writing frames of item 1 and half its catalogue line
    Files.write(idx.resolve("frames.bin"), new byte[70], StandardOpenOption.APPEND);
    Files.write(
        idx.resolve("items.tsv"),
        "1\tk2\timage".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      assertThat(m.items()).hasSize(1);
      m.add("k3", fp.fingerprint(TestData.pdq("mods-square-512x512.jpg")), "s", null, "c.jpg");
    }
    try (MediaIndex m = MediaIndex.openForReading(idx)) {
      assertThat(m.items()).extracting(MediaItem::key).containsExactly("k1", "k3");
      assertThat(m.frameCount()).isEqualTo(2);
      assertThat(m.seen(a)).extracting(s -> s.item().key()).containsExactly("k1", "k3");
    }
  }

  @Test
  void damageInTheMiddleIsReportedNotRepaired() throws IOException {
    Path idx = dir.resolve("media");
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      m.add("k1", fp.fingerprint(TestData.pdq("mods-square-128x128.jpg")), "s", null, "a.jpg");
      m.add("k2", fp.fingerprint(TestData.pdq("mods-square-256x256.jpg")), "s", null, "b.jpg");
    }
    byte[] b = Files.readAllBytes(idx.resolve("frames.bin"));
    b[FrameLog.MAGIC.length + 3] ^= 1; // flip a bit of the first record
    Files.write(idx.resolve("frames.bin"), b);
    assertThatThrownBy(() -> MediaIndex.openForReading(idx))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("frames.bin")
        .hasMessageContaining("damaged");
  }

  @Test
  void onlyOneWriterAtATime() {
    Path idx = dir.resolve("media");
    try (MediaIndex m = MediaIndex.openForWriting(idx)) {
      assertThat(m.items()).isEmpty();
      assertThatThrownBy(() -> MediaIndex.openForWriting(idx))
          .hasMessageContaining("another process");
    }
  }
}
