package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Evidence arriving as streams (the web desk's uploads): stored under the name it was sent with,
 * answered "new" or with the earliest copy seen before, and every opening of an original logged.
 */
class ReceiveEvidenceTest {
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

  record Bytes(String name, byte[] bytes) implements ReceiveEvidence.Upload {
    static Bytes of(String name, Path f) throws IOException {
      return new Bytes(name, Files.readAllBytes(f));
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  @Test
  void newThenSeenBeforeEarliestFirstAndTheSameBytesAtDistanceZero() throws Exception {
    var scene = EvidenceFiles.scene(41);
    Path png = EvidenceFiles.png(files.resolve("a.png"), scene);
    Path jpeg = EvidenceFiles.shrunkJpeg(files.resolve("b.jpg"), scene);
    ReceiveEvidence receive = new ReceiveEvidence(data, caseFile);
    Instant march1 = Instant.parse("2025-03-01T10:00:00Z");

    var first =
        receive.receive(
            List.of(Bytes.of("../../etc/posted\u0007.png", png)),
            new Provenance("analyst-1", march1, "channel A (synthetic)", null, null));
    assertThat(first).hasSize(1);
    assertThat(first.get(0).name()).isEqualTo("posted.png");
    assertThat(first.get(0).seen()).isEmpty();
    assertThat(first.get(0).fingerprint()).isEqualTo("image, 1 frame");
    long id = first.get(0).id();
    assertThat(caseFile.evidence().find(id).orElseThrow().originalName()).isEqualTo("posted.png");

    var second =
        receive.receive(
            List.of(Bytes.of("repost.jpg", jpeg), Bytes.of("again.png", png)),
            new Provenance(
                "analyst-2", Instant.parse("2025-03-05T00:00:00Z"), "channel B", null, null));
    assertThat(second.get(0).seen()).hasSize(1);
    ReceiveEvidence.Seen seen = second.get(0).seen().get(0);
    assertThat(seen.id()).isEqualTo(id);
    assertThat(seen.acquiredAt()).isEqualTo(march1);
    assertThat(seen.source()).isEqualTo("channel A (synthetic)");
    assertThat(seen.distance()).isBetween(0, 31);
    assertThat(second.get(1).id()).isEqualTo(id);
    assertThat(second.get(1).seen())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.distance()).isZero();
              assertThat(s.source()).isEqualTo("channel A (synthetic)");
              assertThat(s.acquiredAt()).isEqualTo(march1);
            });
    try (var left = Files.list(data.resolve("uploads"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void openingAnOriginalIsLoggedAsAViewingButALaterRangeIsNot() throws Exception {
    Path png = EvidenceFiles.png(files.resolve("c.png"), EvidenceFiles.scene(43));
    long id =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(Bytes.of("c.png", png)),
                new Provenance("analyst-1", null, null, null, null))
            .get(0)
            .id();
    OpenOriginal originals = new OpenOriginal(data, caseFile);

    var o = originals.open(id, "viewer-1", "preview", true).orElseThrow();
    assertThat(Files.readAllBytes(o.content())).isEqualTo(Files.readAllBytes(png));
    assertThat(o.mediaType()).isEqualTo("image/png");
    originals.open(id, "viewer-1", "preview", false).orElseThrow();
    originals.open(id, "viewer-2", "download", true).orElseThrow();

    var viewed =
        caseFile.evidence().events(id).stream().filter(e -> e.action().equals("viewed")).toList();
    assertThat(viewed).extracting(e -> e.actor()).containsExactly("viewer-1", "viewer-2");
    assertThat(viewed.get(1).details()).contains("download");
    assertThat(originals.open(999_999, "viewer-1", "preview", true)).isEmpty();
  }
}
