package org.sijill.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.InclusionProof;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;
import org.sijill.vault.testing.ExifJpeg;

class VaultTest {
  @TempDir Path data;
  @TempDir Path files;

  private Path write(String name, byte[] content) throws Exception {
    Path p = files.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void addStoresOriginalBytesUnderTheirHashAndLogsTheAcquisition() throws Exception {
    byte[] content = "a statement, typed up".getBytes(StandardCharsets.UTF_8);
    Path f = write("statement.txt", content);
    try (Vault v = Vault.open(data)) {
      Ingested in =
          v.add(
              f,
              new Acquisition(
                  "collector-7",
                  Instant.parse("2026-03-01T10:00:00Z"),
                  "partner NGO",
                  "https://example.org/x",
                  "first copy"));
      String sha = HexFormat.of().formatHex(Digests.md("SHA-256").digest(content));
      assertThat(in.blob().sha256()).isEqualTo(sha);
      assertThat(in.blob().newlyStored()).isTrue();
      assertThat(in.logIndex()).isZero();
      assertThat(in.mimeType()).isEqualTo("text/plain");
      assertThat(Files.readAllBytes(v.contentPath(sha))).isEqualTo(content);
      assertThat(Files.getPosixFilePermissions(v.contentPath(sha)))
          .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      CustodyEvent e = v.event(0);
      assertThat(e.type()).isEqualTo(EventType.ACQUIRED);
      assertThat(e.actor()).isEqualTo("collector-7");
      assertThat(e.details())
          .containsEntry("source", "partner NGO")
          .containsEntry("url", "https://example.org/x")
          .containsEntry("note", "first copy")
          .containsEntry("acquired_at", "2026-03-01T10:00:00Z")
          .containsEntry("file_name", "statement.txt")
          .containsEntry("size", Integer.toString(content.length));
      assertThat(v.event(1).type()).isEqualTo(EventType.METADATA_EXTRACTED);
      assertThat(f).hasBinaryContent(content);
    }
  }

  @Test
  void aCaseWriteIsLoggedUnderTheHashOfItsDetailsAndTheVaultStillVerifies() throws Exception {
    Path f = write("v.bin", new byte[] {9, 8, 7});
    try (Vault v = Vault.open(data)) {
      v.add(f, Acquisition.by("c1"));
      long index =
          v.recordCaseWrite(
              "analyst-1", Map.of("record", "incident", "incident", "12", "action", "created"));
      CustodyEvent e = v.event(index);
      assertThat(e.type()).isEqualTo(EventType.RECORDED);
      assertThat(e.actor()).isEqualTo("analyst-1");
      assertThat(e.sha256())
          .isEqualTo(
              HexFormat.of()
                  .formatHex(
                      Digests.md("SHA-256")
                          .digest(
                              "{\"action\":\"created\",\"incident\":\"12\",\"record\":\"incident\"}"
                                  .getBytes(StandardCharsets.UTF_8))));
      assertThat(v.store().contains(e.sha256())).isFalse();
      assertThatThrownBy(() -> v.recordCaseWrite("a", Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Vault.verify(data, List.of(), ProgressListener.NONE)).isEmpty();
  }

  @Test
  void acquisitionTimesAreKeptToTheMillisecondLikeEveryLoggedTime() throws Exception {
    Path f = write("t.txt", new byte[] {4});
    try (Vault v = Vault.open(data)) {
      v.add(
          f,
          new Acquisition("c", Instant.parse("2026-03-01T10:00:00.123456789Z"), null, null, null));
      assertThat(v.event(0).details()).containsEntry("acquired_at", "2026-03-01T10:00:00.123Z");
    }
  }

  @Test
  void identicalContentIsStoredOnceButEachAcquisitionIsLogged() throws Exception {
    Path a = write("a.bin", new byte[] {1, 2, 3});
    Path b = write("b.bin", new byte[] {1, 2, 3});
    try (Vault v = Vault.open(data)) {
      Ingested first = v.add(a, Acquisition.by("c1"));
      Ingested second = v.add(b, Acquisition.by("c2"));
      assertThat(second.blob().sha256()).isEqualTo(first.blob().sha256());
      assertThat(first.blob().newlyStored()).isTrue();
      assertThat(second.blob().newlyStored()).isFalse();
      try (var s = v.store().list()) {
        assertThat(s.count()).isEqualTo(1);
      }
      assertThat(v.events())
          .extracting(CustodyEvent::type)
          .containsExactly(EventType.ACQUIRED, EventType.METADATA_EXTRACTED, EventType.ACQUIRED);
    }
  }

  @Test
  void aTruncatedPictureIsStoredAndLoggedWithItsMetadataProblemSaid() throws Exception {
    byte[] whole = ExifJpeg.withGps(1);
    Path cut = write("cut.jpg", java.util.Arrays.copyOf(whole, whole.length / 3));
    try (Vault v = Vault.open(data)) {
      Ingested in = v.add(cut, Acquisition.by("c1"));
      assertThat(Files.exists(v.contentPath(in.blob().sha256()))).isTrue();
      assertThat(v.events())
          .extracting(CustodyEvent::type)
          .containsExactly(EventType.ACQUIRED, EventType.METADATA_EXTRACTED);
    }
  }

  @Test
  void aFailedAddLeavesNoBlobAndNoLogEntry() throws Exception {
    byte[] content = "a file whose metadata cannot be kept".getBytes(StandardCharsets.UTF_8);
    Path f = write("x.txt", content);
    String sha = Vault.sha256Hex(content);
    // A directory where the item's metadata file belongs makes the ingest fail after the blob is
    // stored and before its entry is logged.
    Files.createDirectories(data.resolve("vault/meta").resolve(sha + ".json"));
    try (Vault v = Vault.open(data)) {
      assertThatThrownBy(() -> v.add(f, Acquisition.by("c1")))
          .isInstanceOf(java.io.IOException.class);
      assertThat(v.store().contains(sha)).isFalse();
      assertThat(v.logSize()).isZero();
    }
    assertThat(Vault.verify(data, List.of(), ProgressListener.NONE)).isEmpty();
  }

  @Test
  void reopeningAfterACrashTakesBackContentThatWasStoredButNeverLogged() throws Exception {
    byte[] content = "stored, then the power went".getBytes(StandardCharsets.UTF_8);
    String sha = Vault.sha256Hex(content);
    try (Vault v = Vault.open(data)) {
      v.putPending(new java.io.ByteArrayInputStream(content));
      assertThat(v.store().contains(sha)).isTrue();
      // No log entry follows: as if the process died here. Closing cleanly would forget the
      // intent, so copy it aside and put it back, as a crash would have left it.
      Files.copy(data.resolve("vault/ingest.pending"), files.resolve("pending"));
    }
    Files.copy(
        files.resolve("pending"),
        data.resolve("vault/ingest.pending"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Vault v = Vault.open(data)) {
      assertThat(v.store().contains(sha)).isFalse();
    }
    assertThat(Vault.verify(data, List.of(), ProgressListener.NONE)).isEmpty();
  }

  @Test
  void imageMetadataIncludesExifAndGps() throws Exception {
    Path img = write("photo.jpg", ExifJpeg.withGps(1));
    try (Vault v = Vault.open(data)) {
      Ingested in = v.add(img, Acquisition.by("c1"));
      assertThat(in.mimeType()).isEqualTo("image/jpeg");
      JsonNode meta = new ObjectMapper().readTree(v.metadataFile(in.blob().sha256()).toFile());
      assertThat(meta.path("tags").path("Exif IFD0").path("Make").asText()).isEqualTo("SijillTest");
      assertThat(meta.path("gps").path("latitude").asDouble())
          .isCloseTo(36.2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(meta.path("gps").path("longitude").asDouble())
          .isCloseTo(37.16, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(meta.path("tags").path("JPEG").path("Image Width").asText()).startsWith("16");
      assertThat(meta.path("tags").has("File")).as("no facts about our stored copy").isFalse();
    }
  }

  @Test
  void videoContainerMetadataIsRead() throws Exception {
    Path video =
        Path.of(getClass().getResource("/media/pattern-sd-with-small-logo-bar.mp4").toURI());
    try (Vault v = Vault.open(data)) {
      Ingested in = v.add(video, Acquisition.by("c1"));
      assertThat(in.mimeType()).isEqualTo("video/mp4");
      JsonNode meta = new ObjectMapper().readTree(v.metadataFile(in.blob().sha256()).toFile());
      assertThat(meta.path("tags").path("MP4").path("Duration").asText()).isNotEmpty();
      assertThat(meta.path("tags").path("MP4 Video").path("Compression Type").asText())
          .isEqualTo("H.264");
    }
  }

  @Test
  void checkpointIsASignedNoteThatVerifiesAndProofsLeadToIt() throws Exception {
    try (Vault v = Vault.open(data)) {
      for (int i = 0; i < 5; i++) {
        v.add(write("f" + i, new byte[] {(byte) i}), Acquisition.by("c"));
      }
      String note = v.checkpoint();
      String[] lines = note.split("\n");
      assertThat(lines[0]).isEqualTo(v.origin()).startsWith("sijill.vault/");
      assertThat(lines[1]).isEqualTo("10");
      assertThat(lines[3]).isEmpty();
      assertThat(lines[4]).startsWith("\u2014 " + v.origin() + " ");
      Checkpoint cp = NoteVerifier.parse(v.verifierKey()).verify(note);
      assertThat(cp.size()).isEqualTo(10);
      for (long i = 0; i < 10; i++) {
        InclusionProof p = v.proof(i);
        Merkle.verifyInclusion(i, p.treeSize(), p.leafHash(), p.path(), cp.root());
      }
      // Tampering with the signed text breaks the signature.
      String forged = note.replaceFirst("\n10\n", "\n9\n");
      assertThatThrownBy(() -> NoteVerifier.parse(v.verifierKey()).verify(forged))
          .isInstanceOf(ProofException.class)
          .hasMessageContaining("does not verify");
      assertThat(Vault.verify(data, List.of(), ProgressListener.NONE)).isEmpty();
    }
  }

  @Test
  void aLaterCheckpointIsConsistentWithAnEarlierOne() throws Exception {
    try (Vault v = Vault.open(data)) {
      v.add(write("x", new byte[] {9}), Acquisition.by("c"));
      Checkpoint first = NoteVerifier.parse(v.verifierKey()).verify(v.checkpoint());
      v.add(write("y", new byte[] {8}), Acquisition.by("c"));
      v.record(EventType.VIEWED, v.event(0).sha256(), "analyst-2", Map.of());
      Checkpoint second = NoteVerifier.parse(v.verifierKey()).verify(v.checkpoint());
      Merkle.verifyConsistency(
          first.size(),
          second.size(),
          first.root(),
          second.root(),
          v.log().consistencyProof(first.size(), second.size()));
    }
  }

  @Test
  void anUnreadableFileIsRefusedAndNothingIsLogged() throws Exception {
    try (Vault v = Vault.open(data)) {
      assertThatThrownBy(() -> v.add(files.resolve("absent.jpg"), Acquisition.by("c")))
          .isInstanceOf(NoSuchFileException.class);
      assertThat(v.logSize()).isZero();
    }
  }

  @Test
  void theKeyPersistsAcrossOpens() throws Exception {
    String key;
    try (Vault v = Vault.open(data)) {
      key = v.verifierKey();
    }
    try (Vault v = Vault.open(data)) {
      assertThat(v.verifierKey()).isEqualTo(key);
    }
    assertThat(Files.readString(data.resolve("keys/vault.vkey")).strip()).isEqualTo(key);
  }
}
