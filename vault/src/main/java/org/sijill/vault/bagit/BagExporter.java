package org.sijill.vault.bagit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Digests;
import org.sijill.vault.EventType;
import org.sijill.vault.Redactor;
import org.sijill.vault.Vault;
import org.sijill.vault.internal.MetadataRedaction;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.store.FileBlobStore;

/**
 * Writes an evidence package: a BagIt bag holding the items' original bytes, their metadata, every
 * custody log entry about them with its inclusion proof, the signed checkpoint the proofs lead to,
 * and the public key that verifies it. The export itself is logged (one {@code exported} event per
 * item) before the checkpoint is signed, so the package shows its own making.
 *
 * <p>The bag is assembled beside the destination and renamed into place, so a failed export leaves
 * no half-written package. A destination ending in {@code .zip} gets a zip of the bag.
 */
public final class BagExporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vault vault;
  private final Redactor redactor;

  /**
   * @param redactor null for a full package; else a redacted one (see {@link Vault#exportRedacted})
   */
  public BagExporter(Vault vault, Redactor redactor) {
    this.vault = vault;
    this.redactor = redactor;
  }

  public Path export(Path out, java.util.Collection<String> sha256s, String actor)
      throws IOException {
    if (Files.exists(out)) {
      throw new FileAlreadyExistsException(out + " already exists; choose a new package name");
    }
    Set<String> items = new LinkedHashSet<>(sha256s);
    for (String sha : items) {
      if (!vault.store().contains(sha)) {
        throw new NoSuchFileException("no item " + sha + " in the vault");
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("nothing to export");
    }
    String pkgName = out.getFileName().toString();
    for (String sha : items) {
      vault.record(
          EventType.EXPORTED,
          sha,
          actor,
          redactor == null
              ? Map.of("package", pkgName)
              : Map.of("package", pkgName, "redacted", "yes"));
    }
    String note = vault.checkpoint();
    Checkpoint cp = vault.signer().verifier().verify(note);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path stage = parent.resolve("." + pkgName + "." + UUID.randomUUID() + ".partial");
    try {
      Files.createDirectories(stage);
      writeBag(stage, items, note, cp);
      if (pkgName.endsWith(".zip")) {
        Path zipTmp = parent.resolve("." + pkgName + "." + UUID.randomUUID() + ".zip.partial");
        try {
          zip(stage, zipTmp);
          Files.move(zipTmp, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(zipTmp);
        }
      } else {
        Files.move(stage, out, StandardCopyOption.ATOMIC_MOVE);
      }
      FileBlobStore.fsyncDirectory(parent);
    } finally {
      deleteTree(stage);
    }
    return out;
  }

  private void writeBag(Path bag, Set<String> items, String note, Checkpoint cp)
      throws IOException {
    Map<String, Map<String, String>> payload = new TreeMap<>();
    Map<String, Map<String, String>> tags = new TreeMap<>();
    long octets = 0;
    Files.createDirectories(bag.resolve(BagLayout.DATA));
    List<CustodyEvent> events = vault.events();
    StringBuilder ledger = new StringBuilder();
    int shipped = 0;
    for (String sha : items) {
      Path meta = vault.metadataFile(sha);
      byte[] metadata = Files.exists(meta) ? Files.readAllBytes(meta) : null;
      boolean ship = true;
      if (redactor != null) {
        MetadataRedaction.Result r = metadata == null ? null : MetadataRedaction.redact(metadata);
        // The original bytes can carry in themselves what the metadata file showed (EXIF GPS,
        // Artist); stripping them would change the hash the custody log proves. So a redacted
        // package ships an original only when its tags were read and nothing identifying was
        // found, and otherwise lists it by hash alone.
        ship = r != null && r.examined() && r.removed().isEmpty();
        ledger.append(ledgerLine(sha, metadata, r, ship, events));
        if (r != null) {
          metadata = r.bytes();
        }
      }
      if (ship) {
        String name = BagLayout.DATA + sha;
        try (InputStream in = vault.store().open(sha).orElseThrow();
            OutputStream os = Files.newOutputStream(bag.resolve(name))) {
          octets += copyHashing(in, os, payload, name);
        }
        shipped++;
      }
      if (metadata != null) {
        writeTag(bag, BagLayout.METADATA + sha + ".json", metadata, tags);
      }
    }
    List<Long> indexes = new ArrayList<>();
    for (int i = 0; i < cp.size(); i++) {
      if (items.contains(events.get(i).sha256())) {
        indexes.add((long) i);
      }
    }
    HexFormat hex = HexFormat.of();
    for (long i : indexes) {
      byte[] entry = vault.log().entry(i);
      CustodyEvent event = events.get((int) i);
      Map<String, String> shown = redactor == null ? event.details() : redactor.details(event);
      if (shown.equals(event.details())) {
        writeTag(bag, BagLayout.entryName(i), entry, tags);
      } else {
        writeTag(bag, BagLayout.redactedName(i), redactedEntry(event, shown), tags);
        ledger.append(
            String.format(
                "entry %d redacted (%s); leaf hash %s%n",
                i, changedKeys(event.details(), shown), hex.formatHex(Merkle.leafHash(entry))));
      }
      ObjectNode p = JSON.createObjectNode();
      p.put("log_index", i);
      p.put("tree_size", cp.size());
      p.put("leaf_hash", hex.formatHex(Merkle.leafHash(entry)));
      ArrayNode path = p.putArray("path");
      for (byte[] h : vault.log().inclusionProof(i, cp.size())) {
        path.add(hex.formatHex(h));
      }
      p.put("root", hex.formatHex(cp.root()));
      writeTag(
          bag,
          BagLayout.proofName(i),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(p),
          tags);
    }
    writeTag(bag, BagLayout.CHECKPOINT, note.getBytes(StandardCharsets.UTF_8), tags);
    writeTag(
        bag, BagLayout.KEY, (vault.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8), tags);
    writeTag(bag, BagLayout.HOWTO, howTo().getBytes(StandardCharsets.UTF_8), tags);
    if (redactor != null) {
      writeTag(
          bag,
          BagLayout.REDACTION,
          (REDACTION_HEADER + ledger).getBytes(StandardCharsets.UTF_8),
          tags);
    }

    // Bag declaration, payload manifests and bag-info are tag files too (RFC 8493 2.2.1).
    writeTag(
        bag,
        BagLayout.BAGIT,
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8),
        tags);
    for (String alg : BagLayout.ALGORITHMS) {
      writeTag(bag, BagLayout.manifest(alg), manifestText(payload, alg), tags);
    }
    String info =
        "Bag-Software-Agent: Sijill vault\n"
            + "Bagging-Date: "
            + vault.now().toString().substring(0, 10)
            + "\n"
            + "Payload-Oxum: "
            + octets
            + "."
            + shipped
            + "\n"
            + "External-Description: "
            + (redactor == null
                ? "Evidence items"
                : "REDACTED package (see redaction.txt): evidence items")
            + " with their custody log extract, inclusion proofs and signed checkpoint\n"
            + "External-Identifier: "
            + cp.origin()
            + " tree size "
            + cp.size()
            + "\n";
    writeTag(bag, BagLayout.BAG_INFO, info.getBytes(StandardCharsets.UTF_8), tags);
    for (String alg : BagLayout.ALGORITHMS) {
      Files.write(bag.resolve(BagLayout.tagManifest(alg)), manifestText(tags, alg));
    }
  }

  static final String REDACTION_HEADER =
      String.join(
          "\n",
          "# A REDACTED evidence package. Identifying details were removed for its recipient; the",
          "# full package, given later (to a court, say), can be checked against this one:",
          "#  - each item line names the original's SHA-256, the log index of its acquisition, and",
          "#    the SHA-256 of its full metadata file (also in its metadata_extracted entry);",
          "#  - each redacted entry line gives the leaf hash of the full entry: in the full package,",
          "#    (printf '\\000'; cat custody/entries/N.json) | sha256sum must print it.",
          "# Originals whose own bytes may carry identifying tags (GPS, Artist, serials), or whose",
          "# tags could not be read, are withheld: listed here by hash, not in data/.",
          "");

  private static String ledgerLine(
      String sha,
      byte[] metadata,
      MetadataRedaction.Result r,
      boolean shipped,
      List<CustodyEvent> events) {
    long acquired = -1;
    for (int i = 0; i < events.size() && acquired < 0; i++) {
      CustodyEvent e = events.get(i);
      if (e.sha256().equals(sha)
          && (e.type() == EventType.ACQUIRED || e.type() == EventType.IMPORTED)) {
        acquired = i;
      }
    }
    return String.format(
        "item %s acquired at log index %d; %s; metadata sha256 %s%s%n",
        sha,
        acquired,
        shipped ? "original included" : "original WITHHELD",
        metadata == null ? "-" : Vault.sha256Hex(metadata),
        r == null || r.removed().isEmpty() ? "" : "; removed " + String.join(", ", r.removed()));
  }

  private static byte[] redactedEntry(CustodyEvent e, Map<String, String> shown)
      throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", e.seq());
    o.put("type", e.type().wireName());
    o.put("sha256", e.sha256());
    o.put("actor", e.actor());
    o.put("at", e.at().toString());
    o.set("details", JSON.valueToTree(new TreeMap<>(shown)));
    o.put("redacted", true);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
  }

  private static String changedKeys(Map<String, String> was, Map<String, String> shown) {
    Set<String> keys = new java.util.TreeSet<>(was.keySet());
    keys.addAll(shown.keySet());
    keys.removeIf(k -> java.util.Objects.equals(was.get(k), shown.get(k)));
    return String.join(", ", keys);
  }

  private static byte[] manifestText(Map<String, Map<String, String>> files, String alg) {
    StringBuilder sb = new StringBuilder();
    files.forEach((name, h) -> sb.append(h.get(alg)).append("  ").append(name).append('\n'));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void writeTag(
      Path bag, String name, byte[] content, Map<String, Map<String, String>> tags)
      throws IOException {
    Path f = bag.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, content);
    Map<String, String> h = new TreeMap<>();
    for (String alg : BagLayout.ALGORITHMS) {
      h.put(
          alg, HexFormat.of().formatHex(Digests.md(BagLayout.javaAlgorithm(alg)).digest(content)));
    }
    tags.put(name, h);
  }

  private static long copyHashing(
      InputStream in, OutputStream out, Map<String, Map<String, String>> payload, String name)
      throws IOException {
    Digests.Result d = Digests.copy(in, out);
    payload.put(name, Map.of("sha256", d.sha256(), "sha512", d.sha512()));
    return d.size();
  }

  private static void zip(Path dir, Path zipFile) throws IOException {
    List<Path> files;
    try (var s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream fo = Files.newOutputStream(zipFile);
        ZipOutputStream z = new ZipOutputStream(fo)) {
      for (Path f : files) {
        z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, z);
        z.closeEntry();
      }
      z.finish();
      fo.flush();
    }
    try (var ch =
        java.nio.channels.FileChannel.open(zipFile, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  private static String howTo() {
    return String.join(
        "\n",
        "How to check this package without Sijill (details: docs/custody.md in Sijill's sources)",
        "",
        "1. Payload:  sha256sum -c manifest-sha256.txt  (and sha512sum -c manifest-sha512.txt).",
        "   Each file in data/ is named by its own SHA-256.",
        "2. Custody:  for each custody/entries/N.json, its leaf hash is",
        "   SHA-256(0x00 || the file's bytes):  (printf '\\000'; cat N.json) | sha256sum",
        "   It must equal leaf_hash in custody/proofs/N.json.",
        "3. Proof rule (RFC 9162 2.1.3.2): fn = N, sn = tree_size - 1, r = leaf hash;",
        "   for each p in path: if fn is odd or fn == sn: r = SHA-256(0x01||p||r) and, while fn",
        "   is even and not 0, halve fn and sn; else r = SHA-256(0x01||r||p); then halve fn and",
        "   sn. At the end sn must be 0 and r must equal the root in custody/checkpoint.note.",
        "4. Signature: custody/checkpoint.note is a C2SP signed note by the key in",
        "   custody/vault.vkey (Ed25519); compare that key with one published by the sender.",
        "");
  }
}
