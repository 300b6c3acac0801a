package org.sijill.vault.bagit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.Acquisition;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Digests;
import org.sijill.vault.EventType;
import org.sijill.vault.Ingested;
import org.sijill.vault.PackageRejectedException;
import org.sijill.vault.ProgressListener;
import org.sijill.vault.Vault;
import org.sijill.vault.testing.ExifJpeg;

class BagTest {
  @TempDir Path tmp;
  private Path source;
  private Path target;
  private final List<String> shas = new ArrayList<>();

  @BeforeEach
  void fill() throws Exception {
    source = tmp.resolve("source");
    target = tmp.resolve("target");
    try (Vault v = Vault.open(source)) {
      Path img = tmp.resolve("photo.jpg");
      Files.write(img, ExifJpeg.withGps(3));
      shas.add(v.add(img, Acquisition.by("collector-1")).blob().sha256());
      Path txt = tmp.resolve("notes.txt");
      Files.writeString(txt, "synthetic field notes");
      shas.add(v.add(txt, Acquisition.by("collector-2")).blob().sha256());
      Path other = tmp.resolve("other.txt");
      Files.writeString(other, "not exported");
      v.add(other, Acquisition.by("collector-3"));
    }
  }

  private Path export(String name) throws Exception {
    try (Vault v = Vault.open(source)) {
      return v.export(tmp.resolve(name), shas, "exporter-1");
    }
  }

  @Test
  void anExportedBagIsValidForTheLibraryOfCongressValidator() throws Exception {
    Path bag = export("pkg");
    Bag read = new gov.loc.repository.bagit.reader.BagReader().read(bag);
    try (BagVerifier verifier = new BagVerifier()) {
      assertThatCode(() -> verifier.isValid(read, false)).doesNotThrowAnyException();
    }
    assertThat(bag.resolve("data")).isDirectoryContaining("glob:**/" + shas.get(0));
    assertThat(Files.readString(bag.resolve("manifest-sha256.txt")))
        .contains(shas.get(0) + "  data/" + shas.get(0));
    assertThat(bag.resolve("custody/checkpoint.note")).exists();
    try (var s = Files.list(bag.resolve("data"))) {
      assertThat(s.count()).isEqualTo(2);
    }
  }

  @Test
  void importVerifiesAndStoresWithAnImportedEvent() throws Exception {
    Path zip = export("pkg.zip");
    try (Vault v = Vault.open(target)) {
      List<Ingested> got = v.importBag(zip, "receiver-1");
      assertThat(got).extracting(i -> i.blob().sha256()).containsExactlyInAnyOrderElementsOf(shas);
      CustodyEvent e = v.event(got.get(0).logIndex());
      assertThat(e.type()).isEqualTo(EventType.IMPORTED);
      assertThat(e.details()).containsKey("source_origin").containsEntry("package", "pkg.zip");
      assertThat(v.metadataFile(shas.get(0))).exists();
    }
    assertThat(Vault.verify(target, List.of(), ProgressListener.NONE)).isEmpty();
  }

  @Test
  void aPackageSignedByAnotherKeyThanExpectedIsRefused() throws Exception {
    Path bag = export("pkg");
    String stranger;
    try (Vault v = Vault.open(tmp.resolve("stranger"))) {
      stranger = v.verifierKey();
    }
    String expected = stranger;
    try (Vault v = Vault.open(target)) {
      assertThatThrownBy(() -> v.importBag(bag, "receiver-1", expected))
          .isInstanceOf(PackageRejectedException.class)
          .hasMessageContaining("not by the expected key");
      assertThat(v.logSize()).isZero();
    }
    String sender;
    try (Vault v = Vault.open(source)) {
      sender = v.verifierKey();
    }
    try (Vault v = Vault.open(target)) {
      assertThat(v.importBag(bag, "receiver-1", sender)).hasSize(2);
    }
  }

  @Test
  void aLyingManifestIsRefusedAndNothingStored() throws Exception {
    Path bag = export("pkg");
    Path payload = bag.resolve("data").resolve(shas.get(1));
    Files.writeString(payload, "synthetic field notez");
    assertRefused(
        bag, "manifest-sha256.txt: data/" + shas.get(1) + ": hash in manifest does not match");
  }

  @Test
  void aTruncatedPackageIsRefused() throws Exception {
    Path zip = export("pkg.zip");
    byte[] all = Files.readAllBytes(zip);
    Path cut = tmp.resolve("cut.zip");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    assertRefused(cut, "cut.zip");
  }

  @Test
  void aMissingPayloadFileIsRefused() throws Exception {
    Path bag = export("pkg");
    Files.delete(bag.resolve("data").resolve(shas.get(0)));
    assertRefused(bag, "lists data/" + shas.get(0) + ", which is not in the package");
  }

  @Test
  void aBadCheckpointSignatureIsRefused() throws Exception {
    Path bag = export("pkg");
    Path note = bag.resolve("custody/checkpoint.note");
    String text = Files.readString(note);
    String[] lines = text.split("\n");
    // Claim a different root, keep the old signature, and fix the tag manifests so only the
    // signature can catch it.
    String forged = text.replace(lines[2], "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    Files.writeString(note, forged);
    fixTagManifests(bag);
    assertRefused(bag, "custody/checkpoint.note: checkpoint signature by");
  }

  @Test
  void aForgedCustodyEntryFailsItsProof() throws Exception {
    Path bag = export("pkg");
    Path entry;
    try (var s = Files.list(bag.resolve("custody/entries"))) {
      entry = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(entry, Files.readString(entry).replace("collector-1", "collector-X"));
    fixTagManifests(bag);
    assertRefused(
        bag, "custody/proofs/000000000000.json: inclusion proof does not lead to the root");
  }

  @Test
  void zipSlipNamesAreRefused() throws Exception {
    for (String evil :
        List.of("../evil.txt", "data/../../evil.txt", "/tmp/evil.txt", "..\\evil.txt")) {
      Path zip = tmp.resolve("evil.zip");
      Files.deleteIfExists(zip);
      try (OutputStream o = Files.newOutputStream(zip);
          ZipOutputStream z = new ZipOutputStream(o)) {
        z.putNextEntry(new ZipEntry("bagit.txt"));
        z.write("BagIt-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        z.putNextEntry(new ZipEntry(evil));
        z.write(1);
        z.closeEntry();
      }
      assertRefused(zip, "would be written outside the package");
      assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
      assertThat(tmp.resolve("evil.txt")).doesNotExist();
    }
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    Path zip = tmp.resolve("bomb.zip");
    try (OutputStream o = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("data/zeros"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 80; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertRefused(zip, "zip bomb");
  }

  @Test
  void aTraversalPathInAManifestIsRefused() throws Exception {
    Path bag = export("pkg");
    Path m = bag.resolve("manifest-sha256.txt");
    Files.writeString(m, Files.readString(m).replaceFirst("data/", "data/../"));
    assertRefused(bag, "manifest-sha256.txt:1: unsafe path");
  }

  private void assertRefused(Path pkg, String message) throws Exception {
    try (Vault v = Vault.open(target)) {
      assertThatThrownBy(() -> v.importBag(pkg, "receiver-1"))
          .isInstanceOf(PackageRejectedException.class)
          .hasMessageContaining(message);
      assertThat(v.logSize()).isZero();
      try (var s = v.store().list()) {
        assertThat(s.toList()).isEmpty();
      }
    }
    try (var s = Files.list(target.resolve("vault/import-tmp"))) {
      assertThat(s.toList()).isEmpty();
    } catch (java.nio.file.NoSuchFileException none) {
      // never created: also fine
    }
  }

  private static void fixTagManifests(Path bag) throws Exception {
    for (String alg : new String[] {"sha256", "sha512"}) {
      Path tm = bag.resolve("tagmanifest-" + alg + ".txt");
      StringBuilder sb = new StringBuilder();
      for (String line : Files.readAllLines(tm)) {
        String name = line.split("\\s+", 2)[1];
        byte[] h =
            Digests.md(alg.equals("sha256") ? "SHA-256" : "SHA-512")
                .digest(Files.readAllBytes(bag.resolve(name)));
        sb.append(java.util.HexFormat.of().formatHex(h)).append("  ").append(name).append('\n');
      }
      Files.writeString(tm, sb.toString());
    }
  }
}
