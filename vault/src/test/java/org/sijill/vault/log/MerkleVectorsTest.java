package org.sijill.vault.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every RFC 6962/9162 vector in src/test/resources/merkle (see its README for the sources). */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private static Path resources() throws Exception {
    return Path.of(MerkleVectorsTest.class.getResource("/merkle").toURI());
  }

  private static JsonNode read(String name) throws Exception {
    return JSON.readTree(resources().resolve(name).toFile());
  }

  private static List<byte[]> hashes(JsonNode arr, Function<String, byte[]> decode) {
    List<byte[]> out = new ArrayList<>();
    if (arr != null && !arr.isNull()) {
      arr.forEach(n -> out.add(decode.apply(n.asText())));
    }
    return out;
  }

  private static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
  }

  private static Stream<Path> probes(String kind) throws Exception {
    Path dir = resources().resolve("transparency-dev-merkle/testdata").resolve(kind);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream();
  }

  @TestFactory
  Stream<DynamicTest> inclusionProbes() throws Exception {
    List<Path> files = probes("inclusion").toList();
    assertThat(files).hasSize(98);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getParent().getFileName() + "/" + f.getFileName(),
                    () -> {
                      JsonNode v = JSON.readTree(f.toFile());
                      Runnable check =
                          () ->
                              Merkle.verifyInclusion(
                                  v.get("leafIdx").asLong(),
                                  v.get("treeSize").asLong(),
                                  b64(v.get("leafHash")),
                                  hashes(v.get("proof"), Base64.getDecoder()::decode),
                                  b64(v.get("root")));
                      if (v.get("wantErr").asBoolean()) {
                        assertThatThrownBy(check::run).isInstanceOf(ProofException.class);
                      } else {
                        assertThatCode(check::run).doesNotThrowAnyException();
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyProbes() throws Exception {
    List<Path> files = probes("consistency").toList();
    assertThat(files).hasSize(98);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getParent().getFileName() + "/" + f.getFileName(),
                    () -> {
                      JsonNode v = JSON.readTree(f.toFile());
                      Runnable check =
                          () ->
                              Merkle.verifyConsistency(
                                  v.get("size1").asLong(),
                                  v.get("size2").asLong(),
                                  b64(v.get("root1")),
                                  b64(v.get("root2")),
                                  hashes(v.get("proof"), Base64.getDecoder()::decode));
                      if (v.get("wantErr").asBoolean()) {
                        assertThatThrownBy(check::run).isInstanceOf(ProofException.class);
                      } else {
                        assertThatCode(check::run).doesNotThrowAnyException();
                      }
                    }));
  }

  @Test
  void hasherVectors() throws Exception {
    JsonNode v = read("rfc6962-constants.json").get("hasherVectors");
    assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo(v.get(0).get("want").asText());
    assertThat(HEX.formatHex(Merkle.leafHash(new byte[0])))
        .isEqualTo(v.get(1).get("want").asText());
    assertThat(HEX.formatHex(Merkle.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(v.get(2).get("want").asText());
    assertThat(
            HEX.formatHex(
                Merkle.nodeHash(
                    "N123".getBytes(StandardCharsets.US_ASCII),
                    "N456".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(v.get(3).get("want").asText());
  }

  /** Builds the 8-leaf tree and checks every root, node, inclusion and consistency proof. */
  @Test
  void eightLeafTreeGivesEveryRootAndProof() throws Exception {
    JsonNode constants = read("rfc6962-constants.json");
    JsonNode all = read("generated-rfc6962-8leaf-all-proofs.json");
    HashTree tree = new HashTree();
    JsonNode inputs = constants.get("leafInputsHex");
    for (JsonNode in : inputs) {
      tree.append(Merkle.leafHash(HEX.parseHex(in.asText())));
    }
    JsonNode roots = constants.get("rootHashesByTreeSize");
    for (int n = 0; n <= 8; n++) {
      assertThat(HEX.formatHex(tree.root(n)))
          .as("root of %d leaves", n)
          .isEqualTo(roots.get(n).asText());
    }
    for (int i = 0; i < 8; i++) {
      assertThat(HEX.formatHex(tree.leaf(i)))
          .isEqualTo(constants.get("nodeHashesByLevel").get(0).get(i).asText());
    }
    int inclusions = 0;
    for (JsonNode p : all.get("inclusion")) {
      long m = p.get("leafIdx").asLong();
      long n = p.get("treeSize").asLong();
      List<String> got = tree.inclusionProof(m, n).stream().map(HEX::formatHex).toList();
      List<String> want = new ArrayList<>();
      p.get("proof").forEach(h -> want.add(h.asText()));
      assertThat(got).as("PATH(%d, %d)", m, n).isEqualTo(want);
      Merkle.verifyInclusion(m, n, tree.leaf(m), tree.inclusionProof(m, n), tree.root(n));
      inclusions++;
    }
    assertThat(inclusions).isEqualTo(36);
    int consistencies = 0;
    for (JsonNode p : all.get("consistency")) {
      long m = p.get("size1").asLong();
      long n = p.get("size2").asLong();
      List<String> got = tree.consistencyProof(m, n).stream().map(HEX::formatHex).toList();
      List<String> want = new ArrayList<>();
      p.get("proof").forEach(h -> want.add(h.asText()));
      assertThat(got).as("PROOF(%d, %d)", m, n).isEqualTo(want);
      Merkle.verifyConsistency(m, n, tree.root(m), tree.root(n), tree.consistencyProof(m, n));
      consistencies++;
    }
    assertThat(consistencies).isEqualTo(36);
  }

  /** Proofs generated by the tree verify for many sizes, and a flipped bit never does. */
  @Test
  void generatedProofsVerifyAndMutationsFail() {
    HashTree tree = new HashTree();
    for (int i = 0; i < 70; i++) {
      tree.append(Merkle.leafHash(new byte[] {(byte) i, 7}));
    }
    for (long n = 1; n <= 70; n++) {
      for (long m = 0; m < n; m++) {
        List<byte[]> proof = tree.inclusionProof(m, n);
        assertThat(proof).hasSize(Merkle.inclusionProofLength(m, n));
        Merkle.verifyInclusion(m, n, tree.leaf(m), proof, tree.root(n));
        List<byte[]> cons = tree.consistencyProof(m + 1, n);
        Merkle.verifyConsistency(m + 1, n, tree.root(m + 1), tree.root(n), cons);
        if (!proof.isEmpty()) {
          proof.get(0)[5] ^= 1;
          long mm = m;
          long nn = n;
          assertThatThrownBy(
                  () -> Merkle.verifyInclusion(mm, nn, tree.leaf(mm), proof, tree.root(nn)))
              .isInstanceOf(ProofException.class);
        }
      }
    }
  }
}
