package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.casefile.model.NearDuplicate;

/**
 * The evidence path on a real embedded PostgreSQL with real decoders (ImageIO, FFmpeg): a batch
 * with a damaged file in the middle, near-duplicates recorded in the case file, "seen before"
 * oldest first, and verification that names a stray blob file.
 */
class IngestEvidenceTest {
  @TempDir static Path data;
  @TempDir static Path files;
  static CaseFile caseFile;

  @BeforeAll
  static void open() {
    caseFile = TestDatabases.openCase();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  static final Instant MARCH_10 = Instant.parse("2025-03-10T12:00:00Z");
  static final Instant MARCH_1 = Instant.parse("2025-03-01T12:00:00Z");

  private static IngestEvidence.Batch ingest(List<Path> batch, String source, Instant at) {
    try (EvidenceVault v = EvidenceVault.open(data, caseFile)) {
      return new IngestEvidence(v, ProgressListener.NONE)
          .ingest(batch, new Provenance("collector-1", at, source, null, null));
    }
  }

  @Test
  void aBatchKeepsEveryFileMarksTheDamagedOneAndRecordsNearDuplicatesOldestFirst()
      throws Exception {
    BufferedImage street = EvidenceFiles.scene(1);
    Path photo = EvidenceFiles.png(files.resolve("street.png"), street);
    Path broken = EvidenceFiles.truncatedPng(files.resolve("broken.png"), EvidenceFiles.scene(2));
    Path video = EvidenceFiles.pan(files.resolve("pan.mp4"), 3, 0, 8, 800_000);
    Path notes = files.resolve("notes.txt");
    Files.writeString(notes, "synthetic interview notes");
    Path missing = files.resolve("never-downloaded.jpg");

    IngestEvidence.Batch first =
        ingest(List.of(photo, broken, missing, video, notes), "partner A (synthetic)", MARCH_10);

    assertThat(first.allStored()).isFalse();
    assertThat(first.files())
        .extracting(IngestEvidence.FileOutcome::file, IngestEvidence.FileOutcome::stored)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(photo, true),
            org.assertj.core.groups.Tuple.tuple(broken, true),
            org.assertj.core.groups.Tuple.tuple(missing, false),
            org.assertj.core.groups.Tuple.tuple(video, true),
            org.assertj.core.groups.Tuple.tuple(notes, true));
    assertThat(first.files().get(2).problem()).isEqualTo("not a readable file");
    assertThat(first.files().get(0).fingerprint().describe()).isEqualTo("image, 1 frame");
    assertThat(first.files().get(3).fingerprint().kind()).isEqualTo("video");
    assertThat(first.files().get(3).fingerprint().frames()).isGreaterThan(4);
    FingerprintOutcome damaged = first.files().get(1).fingerprint();
    assertThat(damaged.fingerprinted()).isFalse();
    assertThat(damaged.describe()).startsWith("not fingerprinted: ");
    assertThat(damaged.reason())
        .startsWith("corrupt or truncated")
        .doesNotContain(data.toString())
        .doesNotEndWith("not fingerprinted");
    assertThat(first.files().get(4).fingerprint().describe())
        .isEqualTo("not fingerprinted: not an image or video");

    // The damaged file is evidence all the same: stored, logged, and its marking is in the case
    // file's custody trail.
    long brokenId = first.files().get(1).evidenceId();
    List<CustodyEvent> trail = caseFile.evidence().events(brokenId);
    assertThat(trail)
        .extracting(CustodyEvent::action)
        .containsExactly("acquired", "metadata_extracted", "fingerprinted");
    assertThat(trail.get(2).details())
        .contains("\"outcome\": \"not fingerprinted\"")
        .contains(damaged.reason().substring(0, 10));

    // Later, copies arrive: a shrunken re-post of the photo, which a source says it had a week
    // before the first one came in, and an excerpt of the video.
    Path repost = EvidenceFiles.shrunkJpeg(files.resolve("repost.jpg"), street);
    Path clip = EvidenceFiles.pan(files.resolve("clip.mp4"), 3, 2, 6, 300_000);
    IngestEvidence.Batch second = ingest(List.of(repost, clip), "channel B (synthetic)", MARCH_1);
    assertThat(second.allStored()).isTrue();

    IngestEvidence.FileOutcome r = second.files().get(0);
    assertThat(r.earlier())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo(first.files().get(0).sha256());
              assertThat(c.related()).isTrue();
              assertThat(c.comparison().bestDistance()).isBetween(0, 31);
            });
    long photoId = first.files().get(0).evidenceId();
    List<NearDuplicate> recorded = caseFile.nearDuplicates().earlierCopiesOf(r.evidenceId());
    assertThat(recorded)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.earlierId()).isEqualTo(photoId);
              assertThat(n.earlierName()).isEqualTo("street.png");
              assertThat(n.distance()).isEqualTo(r.earlier().get(0).comparison().bestDistance());
              // The re-post was acquired first (1 March), although it was ingested second.
              assertThat(n.seenFirstId()).isEqualTo(r.evidenceId());
            });
    IngestEvidence.FileOutcome c = second.files().get(1);
    assertThat(c.earlier())
        .anySatisfy(
            e -> {
              assertThat(e.key()).isEqualTo(first.files().get(3).sha256());
              assertThat(e.related()).isTrue();
            });
    assertThat(caseFile.nearDuplicates().earlierCopiesOf(c.evidenceId()))
        .extracting(NearDuplicate::earlierId)
        .contains(first.files().get(3).evidenceId());

    // "Seen before?" for a third copy: both earlier items, the earliest acquisition first.
    Path third = EvidenceFiles.shrunkJpeg(files.resolve("third.jpg"), EvidenceFiles.scene(1));
    FindEarlierCopies.Result seen = new FindEarlierCopies(data, caseFile).find(third);
    assertThat(seen.copies())
        .extracting(EarlierCopy::name, EarlierCopy::acquiredAt, EarlierCopy::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("repost.jpg", MARCH_1, "channel B (synthetic)"),
            org.assertj.core.groups.Tuple.tuple("street.png", MARCH_10, "partner A (synthetic)"));
    assertThat(seen.copies().get(0).thisVeryFile()).isTrue(); // same encoder, same bytes

    // Every file stored is checked and sound; a stray blob put into the store is named.
    VerifyVault verify = new VerifyVault(data, caseFile, ProgressListener.NONE);
    VerifyVault.Report ok = verify.verify();
    assertThat(ok.faults()).isEmpty();
    assertThat(ok.items()).isEqualTo(6);
    byte[] content = "nobody logged this".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    Path stray =
        data.resolve("vault/blobs/sha256")
            .resolve(sha.substring(0, 2))
            .resolve(sha.substring(2, 4))
            .resolve(sha);
    Files.createDirectories(stray.getParent());
    Files.write(stray, content);
    VerifyVault.Report bad = verify.verify();
    assertThat(bad.sound()).isFalse();
    assertThat(bad.faults())
        .containsExactly(
            "file vault/blobs/sha256/"
                + sha.substring(0, 2)
                + "/"
                + sha.substring(2, 4)
                + "/"
                + sha
                + ": stray blob: no custody log entry names "
                + sha);
    Files.delete(stray);
  }
}
