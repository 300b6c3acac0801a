package org.sijill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.Merkle;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;

/**
 * Checks a report folder with nothing but the folder (and, for a second edition, the first): the
 * checkpoint's signature by the key in {@code report.vkey}; that the manifest is the one the
 * checkpoint commits to, and every file is the one the manifest names; that the list has the
 * checkpoint's size and root, and every entry's inclusion proof leads to that root. With a previous
 * edition: the same key, and either a consistency proof from its checkpoint to this one, or a
 * {@code changes.json} that explains every entry of the previous edition this one dropped or
 * changed. Each fault is named; nothing stops at the first.
 */
public final class VerifyReport {
  /**
   * @param faults what does not hold, each naming the file, entry or number (empty: all hold)
   * @param notes what was checked, and what a reader should know (changes between editions)
   */
  public record Result(List<String> faults, List<String> notes) {
    public boolean ok() {
      return faults.isEmpty();
    }
  }

  public Result verify(Path dir, Optional<Path> previous) {
    List<String> faults = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Checked now = check(dir, faults, notes);
    if (previous.isPresent() && now != null) {
      List<String> prevFaults = new ArrayList<>();
      Checked before = check(previous.get(), prevFaults, new ArrayList<>());
      prevFaults.forEach(f -> faults.add("previous edition: " + f));
      if (before != null) {
        compare(dir, before, now, faults, notes);
      }
    }
    return new Result(List.copyOf(faults), List.copyOf(notes));
  }

  /** A report whose checkpoint verified: its key, size, root and entries. */
  private record Checked(String vkey, Checkpoint checkpoint, List<String> entries) {}

  private Checked check(Path dir, List<String> faults, List<String> notes) {
    String vkey;
    String note;
    try {
      vkey = Files.readString(dir.resolve(PublishReport.VKEY), StandardCharsets.UTF_8).strip();
      note = Files.readString(dir.resolve(PublishReport.CHECKPOINT), StandardCharsets.UTF_8);
    } catch (IOException e) {
      faults.add(dir + ": not a report folder (" + e.getMessage() + ")");
      return null;
    }
    Checkpoint cp;
    try {
      cp = NoteVerifier.parse(vkey).verify(note);
    } catch (ProofException e) {
      faults.add(PublishReport.CHECKPOINT + ": " + e.getMessage());
      return null;
    }
    notes.add("checkpoint signed by " + cp.origin() + ": " + cp.size() + " entries");
    String[] lines = note.split("\n", -1);
    String manifestHash =
        lines.length > 3 && lines[3].startsWith("manifest-sha256 ")
            ? lines[3].substring("manifest-sha256 ".length())
            : null;
    try {
      String js =
          Files.readString(dir.resolve(PublishReport.CHECKPOINT_JS), StandardCharsets.UTF_8);
      if (!js.equals(PublishReport.checkpointJs(note, vkey))) {
        faults.add(PublishReport.CHECKPOINT_JS + ": differs from checkpoint.note and report.vkey");
      }
    } catch (IOException e) {
      faults.add(PublishReport.CHECKPOINT_JS + ": " + e.getMessage());
    }
    checkManifest(dir, manifestHash, faults);

    List<String> entries = new ArrayList<>();
    JsonNode list;
    try {
      list = ReportContent.JSON.readTree(dir.resolve("data/list.json").toFile());
    } catch (IOException e) {
      faults.add("data/list.json: unreadable (" + e.getMessage() + ")");
      return new Checked(vkey, cp, entries);
    }
    byte[] root = cp.root();
    String rootHex = HexFormat.of().formatHex(root);
    if (list.path("size").asLong(-1) != cp.size()) {
      faults.add(
          "data/list.json: size "
              + list.path("size").asText()
              + " is not the checkpoint's "
              + cp.size());
    }
    if (!rootHex.equals(list.path("root").asText())) {
      faults.add(
          "data/list.json: root "
              + list.path("root").asText()
              + " is not the checkpoint's "
              + rootHex);
    }
    JsonNode es = list.path("entries");
    if (es.size() != cp.size()) {
      faults.add(
          "data/list.json: " + es.size() + " entries, the checkpoint commits to " + cp.size());
    }
    int bad = 0;
    for (int i = 0; i < es.size(); i++) {
      JsonNode e = es.get(i);
      String text = e.path("entry").asText();
      entries.add(text);
      try {
        if (e.path("index").asLong(-1) != i) {
          throw new IllegalArgumentException(
              "its index is " + e.path("index").asText() + ", its place " + i);
        }
        List<byte[]> path = new ArrayList<>();
        for (JsonNode p : e.path("proof")) {
          path.add(HexFormat.of().parseHex(p.asText()));
        }
        Merkle.verifyInclusion(
            i, cp.size(), Merkle.leafHash(text.getBytes(StandardCharsets.UTF_8)), path, root);
      } catch (ProofException | IllegalArgumentException x) {
        bad++;
        if (bad <= 50) {
          faults.add("data/list.json: entry " + i + " " + shortId(text) + ": " + x.getMessage());
        }
      }
    }
    if (bad > 50) {
      faults.add("data/list.json: " + (bad - 50) + " more entries fail");
    }
    if (bad == 0 && es.size() == cp.size()) {
      notes.add("all " + es.size() + " entries' inclusion proofs lead to the signed root");
    }
    return new Checked(vkey, cp, entries);
  }

  private static void checkManifest(Path dir, String committed, List<String> faults) {
    Path mf = dir.resolve(PublishReport.MANIFEST);
    String manifest;
    try {
      manifest = Files.readString(mf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      faults.add(PublishReport.MANIFEST + ": missing");
      return;
    }
    if (committed == null) {
      faults.add(PublishReport.CHECKPOINT + ": has no manifest-sha256 line");
    } else if (!committed.equals(
        HexFormat.of().formatHex(ReportKey.sha256(manifest.getBytes(StandardCharsets.UTF_8))))) {
      faults.add(PublishReport.MANIFEST + ": is not the manifest the checkpoint signs");
    }
    Map<String, String> listed = new TreeMap<>();
    for (String line : manifest.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int sp = line.indexOf("  ");
      if (sp != 64) {
        faults.add(PublishReport.MANIFEST + ": malformed line: " + line);
        continue;
      }
      listed.put(line.substring(66), line.substring(0, 64));
    }
    Map<String, String> actual;
    try {
      actual = ReportManifest.hashes(dir);
    } catch (IOException e) {
      faults.add(dir + ": " + e.getMessage());
      return;
    }
    for (Map.Entry<String, String> e : listed.entrySet()) {
      String a = actual.get(e.getKey());
      if (a == null) {
        faults.add(e.getKey() + ": missing");
      } else if (!MessageDigest.isEqual(
          a.getBytes(StandardCharsets.US_ASCII),
          e.getValue().getBytes(StandardCharsets.US_ASCII))) {
        faults.add(
            e.getKey()
                + ": changed since it was signed (SHA-256 "
                + a
                + ", manifest "
                + e.getValue()
                + ")");
      }
    }
    for (String f : actual.keySet()) {
      if (!listed.containsKey(f)) {
        faults.add(f + ": not in the signed manifest");
      }
    }
  }

  private static void compare(
      Path dir, Checked before, Checked now, List<String> faults, List<String> notes) {
    if (!before.vkey().equals(now.vkey())) {
      faults.add(PublishReport.VKEY + ": the editions are signed by different keys");
      return;
    }
    long size1 = before.checkpoint().size();
    Path cons = dir.resolve("data/consistency.json");
    if (Files.exists(cons)) {
      try {
        JsonNode c = ReportContent.JSON.readTree(cons.toFile());
        List<byte[]> proof = new ArrayList<>();
        for (JsonNode p : c.path("proof")) {
          proof.add(HexFormat.of().parseHex(p.asText()));
        }
        Merkle.verifyConsistency(
            size1,
            now.checkpoint().size(),
            before.checkpoint().root(),
            now.checkpoint().root(),
            proof);
        notes.add(
            "this edition only added to the previous one: the consistency proof from "
                + size1
                + " to "
                + now.checkpoint().size()
                + " entries holds");
      } catch (IOException | ProofException | IllegalArgumentException e) {
        faults.add("data/consistency.json: " + e.getMessage());
      }
      return;
    }
    // No consistency proof: every entry the previous edition had and this one lacks must be
    // explained in changes.json.
    Map<String, String> why = new HashMap<>();
    try {
      JsonNode c = ReportContent.JSON.readTree(dir.resolve("data/changes.json").toFile());
      if (!Base64.getEncoder()
          .encodeToString(before.checkpoint().root())
          .equals(rootLine(c.path("previous").path("checkpoint").asText()))) {
        faults.add("data/changes.json: names another previous edition");
      }
      for (JsonNode x : c.path("changes")) {
        why.put(x.path("before").asText(), x.path("why").asText());
      }
    } catch (IOException e) {
      faults.add(
          "this edition does not extend the previous one and has no data/changes.json saying why");
      return;
    }
    java.util.Set<String> current = new java.util.HashSet<>(now.entries());
    int changed = 0;
    for (String e : before.entries()) {
      if (current.contains(e)) {
        continue;
      }
      changed++;
      String w = why.get(e);
      if (w == null) {
        faults.add(
            "previous entry " + shortId(e) + " is gone without a reason in data/changes.json");
      } else {
        notes.add("changed since the previous edition: " + shortId(e) + ": " + w);
      }
    }
    notes.add(
        "this edition is not an extension of the previous one: "
            + changed
            + " entries changed or left, each listed");
  }

  private static String rootLine(String note) {
    String[] l = note.split("\n", -1);
    return l.length > 2 ? l[2] : "";
  }

  private static String shortId(String entryText) {
    try {
      return ReportContent.JSON.readTree(entryText).path("id").asText("(no id)");
    } catch (IOException e) {
      return "(not JSON)";
    }
  }
}
