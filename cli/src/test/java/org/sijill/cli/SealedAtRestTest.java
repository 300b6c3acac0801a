package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.cli.CliRun.run;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.VerificationDraft;
import org.sijill.workflow.VerifyEvidence;
import org.sijill.workflow.keys.CaseKeys;

/**
 * A confidential source's name and phone, entered through the command line, appear nowhere in the
 * data directory in plaintext once the case has keys; with the passphrase they read back, without
 * it they read as "(locked)", and the custody proofs verify either way.
 */
class SealedAtRestTest {
  @TempDir Path data;
  @TempDir Path files;

  // Random strings, so that no other byte sequence in the data directory can match by chance.
  final String name = "Witness-" + UUID.randomUUID().toString().substring(0, 13);
  final String phone = "+963-9" + (100000000L + (long) (Math.random() * 800000000L));
  final String groupedName = "Grouped-" + UUID.randomUUID().toString().substring(0, 13);
  final String findings = "Findings-" + UUID.randomUUID().toString().substring(0, 13);

  /** A verification record whose reasons and strands carry {@link #findings}. */
  private VerificationDraft draft() throws IOException {
    return VerificationDraft.parse(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                """
                {"judgement": "misattributed", "reasons": "posted first by %1$s",
                 "strands": {
                   "source": {"postedBy": "%1$s", "finding": "recycled", "confidence": "high",
                              "method": "reverse image search", "reasons": "earlier copy"},
                   "technical": {"metadata": "stripped", "finding": "re-encoded",
                                 "confidence": "medium", "method": "metadata reader",
                                 "reasons": "no camera tags"},
                   "content": {"finding": "the place does not match", "confidence": "high",
                               "method": "satellite imagery", "reasons": "asked %1$s"}}}
                """
                    .formatted(findings)));
  }

  @Test
  void identitiesAreSealedEverywhereInTheDataDirectory() throws Exception {
    Path pass = files.resolve("pass.txt");
    Files.writeString(pass, "a published test passphrase\n");
    String[] unlocked = {"--data", data.toString(), "--passphrase-file", pass.toString()};

    // --as must name a user of the case.
    CliRun.addUser(data, "collector-1", "analyst");
    CliRun init = run(args(unlocked, "keys", "init"));
    assertThat(init.code()).as(init.err()).isZero();

    Path photo = files.resolve("scene.png");
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillOval(40, 30, 200, 150);
    g.dispose();
    ImageIO.write(img, "png", photo.toFile());
    CliRun add =
        run(
            args(
                unlocked,
                "--as",
                "collector-1",
                "vault",
                "add",
                "--source",
                name,
                "--note",
                "call " + phone,
                "--url",
                "tel:" + phone,
                photo.toString()));
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(data.resolve("media")).isNotEmptyDirectory(); // fingerprinted: the index is scanned
    String sha = add.out().substring(0, 64);
    CliRun note = run(args(unlocked, "vault", "annotate", sha, "spoke again with " + name));
    assertThat(note.code()).as(note.err()).isZero();

    Path list = files.resolve("list.csv");
    Files.writeString(
        list,
        "record_id,full_name,sex,informant_name,informant_phone,batch\n"
            + "1,Synthetic Person One,M,"
            + name
            + ","
            + phone
            + ",b7\n");
    CliRun imp =
        run(
            args(
                unlocked,
                "import-list",
                "--source",
                "Group S",
                "--public-columns",
                "batch",
                list.toString()));
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("sealed (sensitive): informant_name, informant_phone");

    // Readable with the passphrase, "(locked)" without; proofs need no key.
    assertThat(run(args(unlocked, "vault", "history", sha)).out()).contains(name).contains(phone);
    CliRun locked = run("--data", data.toString(), "vault", "history", sha);
    assertThat(locked.code()).as(locked.err()).isZero();
    assertThat(locked.out()).contains("(locked)").doesNotContain(name).doesNotContain(phone);
    CliRun verify = run("--data", data.toString(), "vault", "verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    CliRun proof = run("--data", data.toString(), "vault", "proof", sha);
    assertThat(proof.code()).as(proof.err()).isZero();
    CliRun wrong =
        run(
            "--data",
            data.toString(),
            "--passphrase-file",
            write("wrong.txt", "not it"),
            "vault",
            "history",
            sha);
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("wrong passphrase");

    // A redacted export names no one; a locked case cannot make one (pseudonyms need names).
    Path pkg = files.resolve("partner");
    CliRun redacted = run(args(unlocked, "vault", "export", "--redact", "--out", pkg.toString()));
    assertThat(redacted.code()).as(redacted.err()).isZero();
    assertThat(filesContaining(pkg, name)).isEmpty();
    assertThat(filesContaining(pkg, phone)).isEmpty();
    assertThat(Files.readString(pkg.resolve("custody/redacted/000000000000.json")))
        .containsPattern("\"source\" : \"source-[0-9a-f]{10}\"");
    assertThat(Files.readString(pkg.resolve("redaction.txt"))).contains("item " + sha);
    CliRun lockedExport =
        run("--data", data.toString(), "vault", "export", "--redact", "--out", files + "/p2");
    assertThat(lockedExport.code()).isEqualTo(1);
    assertThat(lockedExport.err()).contains("needs the passphrase");

    // A source restricted to an access group as it is added is sealed like a confidential one.
    assertThat(run(args(unlocked, "group", "add", "Field team")).code()).isZero();
    CliRun grouped =
        run(args(unlocked, "source", "add", "--name", groupedName, "--group", "Field team"));
    assertThat(grouped.code()).as(grouped.err()).isZero();
    long groupedId = Long.parseLong(grouped.out().strip());
    // Restricted later: the version written then is sealed; the first one stays (append-only).
    CliRun later = run(args(unlocked, "source", "add", "--name", "Synthetic channel L"));
    long laterId = Long.parseLong(later.out().strip());
    CliRun restrictLater =
        run(args(unlocked, "restrict", "source", "" + laterId, "--group", "Field team"));
    assertThat(restrictLater.code()).as(restrictLater.err()).isZero();
    CliRun lockedRestrict =
        run("--data", data.toString(), "restrict", "source", "" + laterId, "--group", "Field team");
    assertThat(lockedRestrict.code()).as(lockedRestrict.err()).isZero(); // sealed already
    // A verification record's reasons, strands and comments (the command line has no verification
    // command: the workflow the web desk calls).
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      new CaseKeys(data, cf).unlock("a published test passphrase".toCharArray());
      assertThat(cf.sources().find(groupedId).orElseThrow().nameEn()).isEqualTo(groupedName);
      long item = cf.evidence().findBySha256(sha).orElseThrow().id();
      VerifyEvidence verifier = new VerifyEvidence(data, cf);
      verifier.assess(item, draft(), true, null, "collector-1");
      assertThat(verifier.state(item).latest().reasons()).contains(findings);
      assertThat(verifier.state(item).latest().strands()).contains(findings);
    }
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      assertThat(cf.sources().find(groupedId).orElseThrow().nameEn()).isEqualTo("(locked)");
      assertThat(cf.sources().find(laterId).orElseThrow().nameEn()).isEqualTo("(locked)");
      assertThat(cf.sources().history(laterId))
          .extracting(org.sijill.casefile.model.Source::nameEn)
          .containsExactly("Synthetic channel L", "(locked)");
      long item = cf.evidence().findBySha256(sha).orElseThrow().id();
      var latest = new VerifyEvidence(data, cf).state(item).latest();
      assertThat(latest.reasons()).isEqualTo("(locked)");
      assertThat(latest.strands()).doesNotContain(findings).contains("(locked)");
      assertThat(latest.judgement()).isEqualTo("misattributed");
    }

    // Force every write into the database files (heap, WAL, indexes) before scanning them.
    try (CaseFile cf = CaseFile.open(data, Optional.empty())) {
      cf.jdbi().useHandle(h -> h.execute("checkpoint"));
      assertThat(cf.victims().search(null, 1, 10).items().get(0).attributes())
          .contains("(locked)")
          .contains("b7");
    }
    assertThat(filesContaining(data, name)).isEmpty();
    assertThat(filesContaining(data, phone)).isEmpty();
    assertThat(filesContaining(data, groupedName)).isEmpty();
    assertThat(filesContaining(data, findings)).isEmpty();
    // The scan would find them: the same values in the clear are where it looks.
    Files.writeString(data.resolve("vault").resolve("probe.txt"), name);
    assertThat(filesContaining(data, name)).hasSize(1);
  }

  private String write(String file, String content) throws IOException {
    Path p = files.resolve(file);
    Files.writeString(p, content);
    return p.toString();
  }

  private static String[] args(String[] first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  /** Every regular file under {@code dir} whose bytes contain {@code s} in UTF-8 or UTF-16. */
  static List<Path> filesContaining(Path dir, String s) throws IOException {
    List<byte[]> needles =
        List.of(
            s.getBytes(StandardCharsets.UTF_8),
            s.getBytes(StandardCharsets.UTF_16LE),
            s.getBytes(StandardCharsets.UTF_16BE));
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(f);
        } catch (IOException gone) {
          continue; // a temporary file the database removed while we walked
        }
        if (needles.stream().anyMatch(n -> indexOf(bytes, n) >= 0)) {
          hits.add(f);
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
