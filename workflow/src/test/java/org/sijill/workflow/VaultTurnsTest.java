package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;

/**
 * One server process, several requests at the vault at once: viewers and an upload wait for their
 * turn instead of failing on the vault's file lock, and each one's custody event is logged.
 */
class VaultTurnsTest {
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

  private static ReceiveEvidenceTest.Bytes upload(String name, int seed) throws IOException {
    Path png = EvidenceFiles.png(files.resolve(name), EvidenceFiles.scene(seed));
    return ReceiveEvidenceTest.Bytes.of(name, png);
  }

  @Test
  void viewersAndAnUploadWaitWhileTheVaultIsHeldThenAllSucceed() throws Exception {
    long id =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(upload("held.png", 61)),
                new Provenance("analyst-1", null, null, null, null))
            .get(0)
            .id();
    var later = upload("later.png", 62);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Boolean> viewer1;
      Future<Boolean> viewer2;
      Future<List<ReceiveEvidence.Received>> uploading;
      // The test thread holds the vault, as a long upload or export would.
      try (EvidenceVault held = EvidenceVault.open(data, caseFile)) {
        assertThat(held.vault().logSize()).isPositive();
        viewer1 =
            pool.submit(
                () ->
                    new OpenOriginal(data, caseFile)
                        .open(id, "viewer-1", "preview", true)
                        .isPresent());
        viewer2 =
            pool.submit(() -> new OpenOriginal(data, caseFile).recordView(id, "viewer-2", "page"));
        uploading =
            pool.submit(
                () ->
                    new ReceiveEvidence(data, caseFile)
                        .receive(
                            List.of(later), new Provenance("analyst-2", null, null, null, null)));
        Thread.sleep(300);
        // They wait rather than fail at once on the file lock.
        assertThat(viewer1.isDone()).isFalse();
        assertThat(viewer2.isDone()).isFalse();
        assertThat(uploading.isDone()).isFalse();
      }
      assertThat(viewer1.get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(viewer2.get(60, TimeUnit.SECONDS)).isTrue();
      var received = uploading.get(60, TimeUnit.SECONDS);
      assertThat(received).singleElement().satisfies(r -> assertThat(r.problem()).isNull());
      assertThat(received.get(0).id()).isNotNull();
    } finally {
      pool.shutdownNow();
    }
    var viewed =
        caseFile.evidence().events(id).stream().filter(e -> e.action().equals("viewed")).toList();
    assertThat(viewed).extracting(e -> e.actor()).containsExactlyInAnyOrder("viewer-1", "viewer-2");
    // Every turn was given back: the vault opens again at once.
    try (EvidenceVault again = EvidenceVault.open(data, caseFile)) {
      assertThat(again.vault().logSize()).isPositive();
    }
  }

  /**
   * Viewings that queue while the vault is busy are written together when it is free (one opening,
   * one forced write), and none is lost: each caller returns true only once its event is logged.
   */
  @Test
  void viewingsThatQueueAreLoggedTogetherAndNoneIsLost() throws Exception {
    long id =
        new ReceiveEvidence(data, caseFile)
            .receive(
                List.of(upload("viewed.png", 63)),
                new Provenance("analyst-1", null, null, null, null))
            .get(0)
            .id();
    int viewers = 12;
    Viewings viewings = Viewings.of(data);
    ExecutorService pool = Executors.newFixedThreadPool(viewers);
    List<Future<Boolean>> views = new java.util.ArrayList<>();
    try {
      try (EvidenceVault held = EvidenceVault.open(data, caseFile)) {
        for (int i = 0; i < viewers; i++) {
          String who = "group-viewer-" + i;
          views.add(
              pool.submit(() -> new OpenOriginal(data, caseFile).recordView(id, who, "page")));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (viewings.unfinished() < viewers && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertThat(viewings.unfinished()).isEqualTo(viewers);
        assertThat(views).noneMatch(Future::isDone);
      }
      for (Future<Boolean> v : views) {
        assertThat(v.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    var viewed =
        caseFile.evidence().events(id).stream().filter(e -> e.action().equals("viewed")).toList();
    assertThat(viewed).hasSize(viewers);
    assertThat(viewed.stream().map(e -> e.actor()).distinct()).hasSize(viewers);
    // The first caller wrote its own group; every later one was queued by then and went in one.
    assertThat(viewed.stream().map(e -> e.occurredAt()).distinct().count()).isBetween(1L, 2L);
    assertThat(viewings.unfinished()).isZero();
  }

  @Test
  void aThreadThatHoldsTheVaultIsRefusedASecondOpeningRatherThanWaitingForever() throws Exception {
    Files.createDirectories(data);
    try (EvidenceVault held = EvidenceVault.open(data, caseFile)) {
      // The same directory spelt another way is the same vault.
      Path sameDir = data.resolve("uploads").resolve("..");
      assertThatThrownBy(() -> EvidenceVault.open(sameDir, caseFile))
          .isInstanceOf(EvidenceException.class)
          .hasMessageContaining("already open in this thread");
    }
    try (EvidenceVault again = EvidenceVault.open(data, caseFile)) {
      assertThat(again.vault().logSize()).isGreaterThanOrEqualTo(0);
    }
  }
}
