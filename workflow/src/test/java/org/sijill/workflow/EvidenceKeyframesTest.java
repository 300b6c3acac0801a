package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;

/** The keyframe strip of a video in the vault, and every frame handed out logged as a viewing. */
class EvidenceKeyframesTest {
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

  private long receive(String name, Path f) throws Exception {
    return new ReceiveEvidence(data, caseFile)
        .receive(
            List.of(ReceiveEvidenceTest.Bytes.of(name, f)),
            new Provenance("analyst-1", null, null, null, null))
        .get(0)
        .id();
  }

  @Test
  void aVideoHasAStripAndEachFrameIsAJpegWhoseViewingIsLogged() throws Exception {
    long id = receive("pan.mp4", EvidenceFiles.pan(files.resolve("pan.mp4"), 5, 0, 12, 600_000));
    OpenOriginal originals = new OpenOriginal(data, caseFile);
    EvidenceKeyframes keyframes = new EvidenceKeyframes(caseFile, originals);

    var strip = keyframes.strip(id);
    assertThat(strip).hasSize(EvidenceKeyframes.STRIP);
    assertThat(strip.get(0).seconds()).isZero();
    assertThat(strip.get(7).seconds()).isBetween(9.0, 11.0);
    // Listing the times shows no picture: nothing is logged.
    assertThat(caseFile.evidence().events(id)).noneMatch(e -> e.action().equals("viewed"));

    var still = keyframes.still(id, 3, "viewer-1", true).orElseThrow();
    var img = ImageIO.read(new ByteArrayInputStream(still.jpeg()));
    assertThat(img.getWidth()).isPositive();
    assertThat(still.name()).startsWith("pan-at-").endsWith("s.jpg");
    assertThat(still.seconds()).isEqualTo(strip.get(3).seconds());
    assertThat(keyframes.still(id, EvidenceKeyframes.STRIP, "viewer-1", false)).isEmpty();
    assertThat(keyframes.still(id, -1, "viewer-1", false)).isEmpty();

    var viewed =
        caseFile.evidence().events(id).stream().filter(e -> e.action().equals("viewed")).toList();
    assertThat(viewed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("viewer-1");
              assertThat(e.details()).contains("keyframe 3 download");
            });
  }

  @Test
  void aPictureHasNoStrip() throws Exception {
    long id =
        receive("still.png", EvidenceFiles.png(files.resolve("s.png"), EvidenceFiles.scene(44)));
    EvidenceKeyframes keyframes = new EvidenceKeyframes(caseFile, new OpenOriginal(data, caseFile));
    assertThat(keyframes.strip(id)).isEmpty();
    assertThat(keyframes.still(id, 0, "viewer-1", false)).isEmpty();
    assertThat(keyframes.strip(999_999)).isEmpty();
  }
}
