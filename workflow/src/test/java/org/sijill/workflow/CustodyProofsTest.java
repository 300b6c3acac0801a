package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.TestDatabases;
import org.sijill.casefile.model.CustodyEvent;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;

/** Each custody entry of an item proves itself against the latest checkpoint, and only its own. */
class CustodyProofsTest {
  @TempDir static Path data;
  @TempDir static Path files;
  static CaseFile caseFile;
  static long first;
  static long second;

  @BeforeAll
  static void open() throws Exception {
    caseFile = TestDatabases.openCase();
    ReceiveEvidence receive = new ReceiveEvidence(data, caseFile);
    Provenance from =
        new Provenance("analyst-1", Instant.parse("2025-03-01T10:00:00Z"), "channel A", null, null);
    first =
        receive
            .receive(
                List.of(
                    ReceiveEvidenceTest.Bytes.of(
                        "a.png",
                        EvidenceFiles.png(files.resolve("a.png"), EvidenceFiles.scene(7)))),
                from)
            .get(0)
            .id();
    second =
        receive
            .receive(
                List.of(
                    ReceiveEvidenceTest.Bytes.of(
                        "b.png",
                        EvidenceFiles.png(files.resolve("b.png"), EvidenceFiles.scene(8)))),
                from)
            .get(0)
            .id();
  }

  @AfterAll
  static void close() {
    caseFile.close();
  }

  @Test
  void everyEntryOfAnItemVerifiesWithTheVaultsVerifier() {
    CustodyProofs proofs = new CustodyProofs(data, caseFile);
    List<CustodyEvent> events = caseFile.evidence().events(second);
    assertThat(events).hasSizeGreaterThanOrEqualTo(2);
    for (CustodyEvent e : events) {
      Custody.Proof p = proofs.proof(second, e.logIndex(), true).orElseThrow();
      Checkpoint cp = NoteVerifier.parse(p.key()).verify(p.checkpoint());
      byte[] entry = Base64.getDecoder().decode(p.entry());
      HexFormat hex = HexFormat.of();
      assertThat(hex.formatHex(Merkle.leafHash(entry))).isEqualTo(p.leafHash());
      Merkle.verifyInclusion(
          p.logIndex(),
          cp.size(),
          Merkle.leafHash(entry),
          p.path().stream().map(hex::parseHex).toList(),
          cp.root());
      assertThat(new String(entry, java.nio.charset.StandardCharsets.UTF_8))
          .contains(caseFile.evidence().find(second).orElseThrow().sha256());
    }
  }

  @Test
  void aChangedEntryDoesNotVerify() {
    long index = caseFile.evidence().events(first).get(0).logIndex();
    Custody.Proof p = new CustodyProofs(data, caseFile).proof(first, index, true).orElseThrow();
    Checkpoint cp = NoteVerifier.parse(p.key()).verify(p.checkpoint());
    byte[] entry = Base64.getDecoder().decode(p.entry());
    entry[entry.length / 2] ^= 1;
    HexFormat hex = HexFormat.of();
    assertThatThrownBy(
            () ->
                Merkle.verifyInclusion(
                    p.logIndex(),
                    cp.size(),
                    Merkle.leafHash(entry),
                    p.path().stream().map(hex::parseHex).toList(),
                    cp.root()))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void anotherItemsEntryOrNoEntryIsNotFoundAndAWithheldEntryKeepsOnlyItsHash() {
    CustodyProofs proofs = new CustodyProofs(data, caseFile);
    long ofFirst = caseFile.evidence().events(first).get(0).logIndex();
    assertThat(proofs.proof(second, ofFirst, true)).isEmpty();
    assertThat(proofs.proof(second, 1_000_000, true)).isEmpty();
    assertThat(proofs.proof(second, -1, true)).isEmpty();
    assertThat(proofs.proof(999_999, 0, true)).isEmpty();
    Custody.Proof hidden = proofs.proof(first, ofFirst, false).orElseThrow();
    assertThat(hidden.entry()).isNull();
    assertThat(hidden.leafHash())
        .isEqualTo(proofs.proof(first, ofFirst, true).orElseThrow().leafHash());
  }
}
