package org.sijill.vault.bagit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Digests;
import org.sijill.vault.EventType;
import org.sijill.vault.PackageRejectedException;
import org.sijill.vault.ProgressListener;
import org.sijill.vault.Vault;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;

/**
 * Verifies an unpacked evidence package completely and says what it holds; stores nothing. Every
 * check that fails throws {@link PackageRejectedException} naming the file, line and reason: unsafe
 * names, files missing or unlisted, a manifest whose hash lies, a wrong Payload-Oxum (a truncated
 * package), a checkpoint whose signature fails, a custody entry whose proof fails, or an item
 * without an acquisition entry.
 */
final class BagReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a verified package holds. */
  record Verified(
      Path dir,
      Checkpoint checkpoint,
      String checkpointNote,
      NoteVerifier key,
      Map<String, CustodyEvent> acquisitions,
      Map<String, Long> acquisitionIndex,
      Map<String, Long> sizes,
      Set<String> withMetadata) {}

  private final Path dir;

  BagReader(Path dir) {
    this.dir = dir;
  }

  Verified verify(ProgressListener progress) throws IOException {
    rejectLinks();
    String decl = read(BagLayout.BAGIT);
    if (!decl.startsWith("BagIt-Version: 1.0\n") && !decl.startsWith("BagIt-Version: 0.97\n")) {
      throw reject(BagLayout.BAGIT + ":1: not a BagIt 1.0 declaration");
    }
    Set<String> allFiles = listFiles();
    // Payload manifests: every listed file exists with that hash, every payload file is listed.
    Set<String> payload = new TreeSet<>();
    for (String f : allFiles) {
      if (f.startsWith(BagLayout.DATA)) {
        payload.add(f);
      }
    }
    Map<String, Map<String, String>> payloadHashes = new TreeMap<>();
    for (String alg : BagLayout.ALGORITHMS) {
      Map<String, String> m =
          BagManifests.parse(BagLayout.manifest(alg), read(BagLayout.manifest(alg)), true);
      if (!m.keySet().equals(payload)) {
        Set<String> missing = new TreeSet<>(m.keySet());
        missing.removeAll(payload);
        Set<String> unlisted = new TreeSet<>(payload);
        unlisted.removeAll(m.keySet());
        throw reject(
            BagLayout.manifest(alg)
                + ": "
                + (missing.isEmpty()
                    ? "payload file " + unlisted.iterator().next() + " is not listed"
                    : "lists "
                        + missing.iterator().next()
                        + ", which is not in the package"
                        + " (truncated or altered package)"));
      }
      m.forEach((f, h) -> payloadHashes.computeIfAbsent(f, k -> new TreeMap<>()).put(alg, h));
    }
    Map<String, Long> sizes = new TreeMap<>();
    long octets = 0;
    long done = 0;
    for (Map.Entry<String, Map<String, String>> e : payloadHashes.entrySet()) {
      progress.progress(done++, payloadHashes.size(), "payload files");
      Digests.Result d;
      try (InputStream in = Files.newInputStream(dir.resolve(e.getKey()))) {
        d = Digests.copy(in, null);
      }
      checkHash(BagLayout.manifest("sha256"), e.getKey(), e.getValue().get("sha256"), d.sha256());
      checkHash(BagLayout.manifest("sha512"), e.getKey(), e.getValue().get("sha512"), d.sha512());
      String name = e.getKey().substring(BagLayout.DATA.length());
      if (!name.equals(d.sha256())) {
        throw reject(
            e.getKey() + ": a payload file must be named by its SHA-256 (" + d.sha256() + ")");
      }
      sizes.put(name, d.size());
      octets += d.size();
    }
    checkOxum(octets, payload.size());
    // Tag manifests must cover every file outside data/ except themselves.
    Set<String> tagFiles = new TreeSet<>(allFiles);
    tagFiles.removeAll(payload);
    for (String alg : BagLayout.ALGORITHMS) {
      tagFiles.remove(BagLayout.tagManifest(alg));
    }
    for (String alg : BagLayout.ALGORITHMS) {
      Map<String, String> m =
          BagManifests.parse(BagLayout.tagManifest(alg), read(BagLayout.tagManifest(alg)), false);
      for (String f : tagFiles) {
        if (!m.containsKey(f)) {
          throw reject(BagLayout.tagManifest(alg) + ": tag file " + f + " is not listed");
        }
      }
      for (Map.Entry<String, String> e : m.entrySet()) {
        if (!tagFiles.contains(e.getKey())) {
          throw reject(
              BagLayout.tagManifest(alg)
                  + ": lists "
                  + e.getKey()
                  + ", which is not in the package");
        }
        String actual =
            HexFormat.of()
                .formatHex(
                    Digests.md(BagLayout.javaAlgorithm(alg))
                        .digest(Files.readAllBytes(dir.resolve(e.getKey()))));
        checkHash(BagLayout.tagManifest(alg), e.getKey(), e.getValue(), actual);
      }
    }
    return checkCustody(tagFiles, sizes);
  }

  private Verified checkCustody(Set<String> tagFiles, Map<String, Long> sizes) throws IOException {
    NoteVerifier key;
    try {
      key = NoteVerifier.parse(read(BagLayout.KEY));
    } catch (ProofException e) {
      throw reject(BagLayout.KEY + ":1: " + e.getMessage());
    }
    String note = read(BagLayout.CHECKPOINT);
    Checkpoint cp;
    try {
      cp = key.verify(note);
    } catch (ProofException e) {
      throw reject(BagLayout.CHECKPOINT + ": " + e.getMessage());
    }
    Map<String, CustodyEvent> acquisitions = new LinkedHashMap<>();
    Map<String, Long> acquisitionIndex = new LinkedHashMap<>();
    Map<String, String> metadataHashes = new TreeMap<>();
    int entries = 0;
    for (String f : tagFiles) {
      if (!f.startsWith(BagLayout.ENTRIES)) {
        continue;
      }
      entries++;
      String base = f.substring(BagLayout.ENTRIES.length());
      long index;
      try {
        index = Long.parseLong(base.substring(0, base.length() - ".json".length()));
      } catch (RuntimeException e) {
        throw reject(f + ": custody entries are named by their log index");
      }
      byte[] entry = Files.readAllBytes(dir.resolve(f));
      CustodyEvent ev;
      try {
        ev = CustodyEvent.parse(entry);
      } catch (IllegalArgumentException e) {
        throw reject(f + ": " + e.getMessage());
      }
      if (ev.seq() != index) {
        throw reject(f + ": entry records itself as " + ev.seq());
      }
      String proofFile = BagLayout.proofName(index);
      if (!tagFiles.contains(proofFile)) {
        throw reject(f + ": no inclusion proof " + proofFile);
      }
      JsonNode p = JSON.readTree(dir.resolve(proofFile).toFile());
      List<byte[]> path = new ArrayList<>();
      try {
        p.path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
        if (p.path("tree_size").asLong(-1) != cp.size()
            || p.path("log_index").asLong(-1) != index) {
          throw new ProofException(
              "proof is not for entry " + index + " at tree size " + cp.size());
        }
        Merkle.verifyInclusion(index, cp.size(), Merkle.leafHash(entry), path, cp.root());
      } catch (ProofException | IllegalArgumentException e) {
        throw reject(proofFile + ": " + e.getMessage());
      }
      if ((ev.type() == EventType.ACQUIRED || ev.type() == EventType.IMPORTED)
          && !acquisitions.containsKey(ev.sha256())) {
        acquisitions.put(ev.sha256(), ev);
        acquisitionIndex.put(ev.sha256(), index);
      }
      if (ev.type() == EventType.METADATA_EXTRACTED) {
        metadataHashes.put(ev.sha256(), ev.details().get("metadata_sha256"));
      }
    }
    if (entries == 0) {
      throw reject(BagLayout.ENTRIES + ": the package has no custody entries");
    }
    Set<String> withMetadata = new TreeSet<>();
    for (Map.Entry<String, Long> item : sizes.entrySet()) {
      String sha = item.getKey();
      CustodyEvent acq = acquisitions.get(sha);
      if (acq == null) {
        throw reject(BagLayout.DATA + sha + ": no custody entry records its acquisition");
      }
      if (!Long.toString(item.getValue()).equals(acq.details().get("size"))) {
        throw reject(BagLayout.DATA + sha + ": size differs from its acquisition entry");
      }
      String metaName = BagLayout.METADATA + sha + ".json";
      if (tagFiles.contains(metaName)) {
        String want = metadataHashes.get(sha);
        if (want == null
            || !want.equals(Vault.sha256Hex(Files.readAllBytes(dir.resolve(metaName))))) {
          throw reject(metaName + ": does not match the hash in its custody entry");
        }
        withMetadata.add(sha);
      }
    }
    return new Verified(dir, cp, note, key, acquisitions, acquisitionIndex, sizes, withMetadata);
  }

  private void checkOxum(long octets, int count) throws IOException {
    String info = Files.exists(dir.resolve(BagLayout.BAG_INFO)) ? read(BagLayout.BAG_INFO) : "";
    String[] lines = info.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Payload-Oxum:")) {
        String want = lines[i].substring("Payload-Oxum:".length()).strip();
        if (!want.equals(octets + "." + count)) {
          throw reject(
              BagLayout.BAG_INFO
                  + ":"
                  + (i + 1)
                  + ": Payload-Oxum says "
                  + want
                  + " but the payload is "
                  + octets
                  + "."
                  + count
                  + " (truncated package?)");
        }
      }
    }
  }

  private static void checkHash(String manifest, String file, String want, String actual)
      throws PackageRejectedException {
    if (!want.equals(actual)) {
      throw reject(manifest + ": " + file + ": hash in manifest does not match the file");
    }
  }

  private Set<String> listFiles() throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(dir.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    return out;
  }

  private void rejectLinks() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isSymbolicLink(p)) {
          throw reject(dir.relativize(p) + ": symbolic links are not allowed in a package");
        }
      }
    }
  }

  private String read(String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw reject(name + ": missing (truncated or incomplete package)");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
          .toString();
    } catch (CharacterCodingException e) {
      throw reject(name + ": not UTF-8 text");
    }
  }

  static PackageRejectedException reject(String message) {
    return new PackageRejectedException(message);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
