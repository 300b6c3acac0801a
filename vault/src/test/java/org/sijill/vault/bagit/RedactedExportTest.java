package org.sijill.vault.bagit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sijill.vault.Acquisition;
import org.sijill.vault.IdentifyingMetadata;
import org.sijill.vault.Redactor;
import org.sijill.vault.Vault;
import org.sijill.vault.internal.MetadataRedaction;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.testing.ExifJpeg;

class RedactedExportTest {
  @TempDir Path data;
  @TempDir Path files;
  @TempDir Path out;

  /** Replaces the source by a fixed pseudonym and drops the note, as a case's policy would. */
  static final Redactor POLICY =
      e -> {
        if (!e.details().containsKey("source")) {
          return e.details();
        }
        Map<String, String> d = new TreeMap<>(e.details());
        d.put("source", "source-0001");
        d.computeIfPresent("note", (k, v) -> "(redacted)");
        return d;
      };

  @Test
  void aRedactedPackageHidesPlaceAndSourceAndCanBeReconciledWithTheFullOne() throws Exception {
    Path photo = files.resolve("photo.jpg");
    Files.write(photo, ExifJpeg.withGps(1));
    Path text = files.resolve("statement.txt");
    Files.writeString(text, "synthetic statement");
    String shaPhoto;
    String shaText;
    Path redacted = out.resolve("partner");
    Path full = out.resolve("court");
    try (Vault v = Vault.open(data)) {
      shaPhoto =
          v.add(photo, new Acquisition("c1", Instant.EPOCH, "Witness Nine", null, "at home"))
              .blob()
              .sha256();
      shaText = v.add(text, Acquisition.by("c1")).blob().sha256();
      v.exportRedacted(redacted, List.of(shaPhoto, shaText), "c1", POLICY);
      v.export(full, List.of(shaPhoto, shaText), "c1");
    }

    // No GPS, no source, no note; the photo (GPS in its own bytes) and the unexamined text file
    // are withheld and listed by hash.
    String meta = Files.readString(redacted.resolve("metadata/" + shaPhoto + ".json"));
    assertThat(meta).doesNotContain("36.2").doesNotContain("\"gps\"").contains("SijillTest");
    assertThat(redacted.resolve("data/" + shaPhoto)).doesNotExist();
    assertThat(redacted.resolve("data/" + shaText)).doesNotExist();
    String ledger = Files.readString(redacted.resolve("redaction.txt"));
    assertThat(ledger)
        .contains("item " + shaPhoto + " acquired at log index 0; original WITHHELD")
        .contains("removed gps");
    for (Path f : Files.walk(redacted).filter(Files::isRegularFile).toList()) {
      assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
          .as(f.toString())
          .doesNotContain("Witness Nine")
          .doesNotContain("at home");
    }
    assertThat(redacted.resolve("custody/entries/000000000000.json")).doesNotExist();
    assertThat(Files.readString(redacted.resolve("custody/redacted/000000000000.json")))
        .contains("source-0001");

    // The court's check: each redacted entry's leaf hash is that of the full package's entry,
    // and the redacted package's proof leads from it to its signed root.
    Matcher m =
        Pattern.compile("entry (\\d+) redacted \\([^)]*\\); leaf hash ([0-9a-f]{64})")
            .matcher(ledger);
    int checked = 0;
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      byte[] entry = Files.readAllBytes(full.resolve(BagLayout.entryName(n)));
      assertThat(HexFormat.of().formatHex(Merkle.leafHash(entry))).isEqualTo(m.group(2));
      String proof = Files.readString(redacted.resolve(BagLayout.proofName(n)));
      assertThat(proof).contains(m.group(2));
      checked++;
    }
    assertThat(checked).isEqualTo(1);
    // Full metadata hash as listed = the hash in the full package's metadata_extracted entry.
    String fullMeta =
        Vault.sha256Hex(Files.readAllBytes(full.resolve("metadata/" + shaPhoto + ".json")));
    assertThat(ledger).contains("metadata sha256 " + fullMeta);
    assertThat(Files.readString(full.resolve("custody/entries/000000000001.json")))
        .contains(fullMeta);
  }

  @Test
  void captionsTitlesAndAccountsGoAsTheyDoOnPagesForOutsiders() throws Exception {
    // The same list decides what a page hides from someone outside an item's groups: a caption
    // naming a person must not survive in a partner's package either.
    byte[] doc =
        ("{\"reader\":\"r\",\"tags\":{\"IPTC\":{\"Caption/Abstract\":\"Qx7 at home\","
                + "\"Object Name\":\"Zr4 street\",\"City\":\"Vw2\"},"
                + "\"Exif IFD0\":{\"Model\":\"Cam 2\",\"Software\":\"Yk9 phone\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    String s = new String(MetadataRedaction.redact(doc).bytes(), StandardCharsets.UTF_8);
    assertThat(s).contains("Cam 2");
    assertThat(IdentifyingMetadata.identifies("Model")).isFalse();
    for (String secret : new String[] {"Qx7", "Zr4", "Vw2", "Yk9"}) {
      assertThat(s).doesNotContain(secret);
    }
  }

  @Test
  void identifyingTagsGoAndHarmlessOnesStay() throws Exception {
    byte[] doc =
        ("{\"reader\":\"r\",\"mime_type\":\"image/jpeg\",\"size\":1,\"gps\":{\"latitude\":1},"
                + "\"tags\":{\"Exif IFD0\":{\"Artist\":\"A. Person\",\"Make\":\"Cam\","
                + "\"Body Serial Number\":\"SN1\"},\"XMP\":{\"x\":\"y\"},\"GPS\":{\"a\":\"b\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    MetadataRedaction.Result r = MetadataRedaction.redact(doc);
    String s = new String(r.bytes(), StandardCharsets.UTF_8);
    assertThat(s).contains("Make").doesNotContain("A. Person").doesNotContain("SN1");
    assertThat(s).doesNotContain("XMP").doesNotContain("\"GPS\"").doesNotContain("latitude");
    assertThat(r.removed())
        .containsExactlyInAnyOrder(
            "gps", "Exif IFD0/Artist", "Exif IFD0/Body Serial Number", "XMP/*", "GPS/*");
    assertThat(r.examined()).isTrue();
  }
}
