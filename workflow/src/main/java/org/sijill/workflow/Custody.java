package org.sijill.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.Digests;
import org.sijill.vault.EventType;
import org.sijill.vault.Ingested;
import org.sijill.vault.PackageRejectedException;
import org.sijill.vault.log.Checkpoint;
import org.sijill.vault.log.InclusionProof;
import org.sijill.vault.log.NoteVerifier;
import org.sijill.vault.log.ProofException;
import org.sijill.vault.log.Timestamps;

/**
 * The chain-of-custody use cases besides ingest ({@code sijill vault checkpoint | proof | import |
 * get | annotate | history}): each logs what it does in the custody log and mirrors it into the
 * case file before it returns.
 */
public final class Custody {
  private final EvidenceVault vault;

  public Custody(EvidenceVault vault) {
    this.vault = vault;
  }

  /** Signs the current log head; returns the signed note (a C2SP checkpoint). */
  public String checkpoint() {
    try {
      return vault.vault().checkpoint();
    } catch (IOException e) {
      throw new EvidenceException("cannot sign a checkpoint: " + e.getMessage(), e);
    }
  }

  /** An RFC 3161 timestamp of the latest checkpoint: who stamped it, and when. */
  public record Stamp(String authority, Instant time) {}

  /** Gets the latest checkpoint timestamped by the authority at {@code tsa} and keeps the token. */
  public Stamp timestamp(URI tsa) {
    try {
      Timestamps.Stamp st = vault.vault().timestamp(tsa);
      return new Stamp(st.authority(), st.time());
    } catch (IOException e) {
      throw new EvidenceException(e.getMessage() + " (the checkpoint itself is kept)", e);
    }
  }

  /**
   * An item's inclusion proof, everything hex or base64 as printed.
   *
   * @param entry the log entry's bytes, base64 (null when withheld from the asker)
   * @param path the audit path, hex, leaf to root
   * @param key the verifier key of the vault
   * @param checkpoint the signed note the proof is against
   */
  public record Proof(
      String sha256,
      long logIndex,
      String entry,
      String leafHash,
      long treeSize,
      List<String> path,
      String root,
      String key,
      String checkpoint) {}

  /** The inclusion proof of an item's acquisition entry against the latest checkpoint. */
  public Proof proof(String sha256) {
    try {
      long index =
          vault
              .vault()
              .acquisitionIndex(sha256)
              .orElseThrow(() -> new EvidenceException(sha256 + ": no such item in the vault"));
      return proofAt(vault.vault(), sha256, index, true, true);
    } catch (IOException e) {
      throw new EvidenceException(sha256 + ": cannot build the proof: " + e.getMessage(), e);
    }
  }

  /**
   * The inclusion proof of the log entry at {@code index} against the latest checkpoint (signing
   * one first when the latest does not yet cover it).
   *
   * @param withEntry false to leave the entry's bytes out ({@code entry} null): the leaf hash and
   *     the path still prove the entry is in the log, without showing what it says
   * @param store false to keep a newly signed checkpoint out of the vault ({@link
   *     org.sijill.vault.Vault#proofWithoutWriting}): a read that writes nothing
   */
  static Proof proofAt(
      org.sijill.vault.Vault v, String sha256, long index, boolean withEntry, boolean store)
      throws IOException {
    InclusionProof p = store ? v.proof(index) : v.proofWithoutWriting(index);
    String key = v.verifierKey();
    Checkpoint cp = NoteVerifier.parse(key).verify(p.checkpoint());
    HexFormat hex = HexFormat.of();
    List<String> path = new ArrayList<>();
    for (byte[] h : p.path()) {
      path.add(hex.formatHex(h));
    }
    return new Proof(
        sha256,
        p.index(),
        withEntry ? Base64.getEncoder().encodeToString(p.entry()) : null,
        hex.formatHex(p.leafHash()),
        p.treeSize(),
        path,
        hex.formatHex(cp.root()),
        key,
        p.checkpoint());
  }

  /** An item stored from a package. */
  public record Imported(String sha256, long logIndex, String fileName) {}

  /**
   * Verifies a package completely, then stores its items.
   *
   * @param expectedKey refuse the package unless its checkpoint is signed by this verifier key
   *     (null: any key)
   */
  public List<Imported> importPackage(Path pkg, String actor, String expectedKey) {
    List<Ingested> got;
    try {
      got = vault.vault().importBag(pkg, actor, expectedKey);
      vault.mirror();
    } catch (PackageRejectedException e) {
      throw new EvidenceException(e.getMessage() + "; nothing was stored", e);
    } catch (ProofException e) {
      throw new EvidenceException("--key: " + e.getMessage() + "; nothing was stored", e);
    } catch (IOException e) {
      throw new EvidenceException(pkg + ": " + e.getMessage(), e);
    }
    // Imported items become findable like ingested ones: fingerprinted, near-duplicates recorded.
    try (Fingerprinting fingerprinting = new Fingerprinting(vault)) {
      for (Ingested in : got) {
        if (in.blob().newlyStored()) {
          fingerprinting.fingerprint(in.blob().sha256(), in.fileName(), actor, "", null);
        }
      }
    } catch (IOException e) {
      throw new EvidenceException(
          pkg + ": items stored, but fingerprinting was cut short: " + e.getMessage(), e);
    }
    return got.stream()
        .map(in -> new Imported(in.blob().sha256(), in.logIndex(), in.fileName()))
        .toList();
  }

  /**
   * Copies an item's original bytes to a new file, checking its hash on the way, and logs who
   * viewed it and why; returns the log index of that entry.
   */
  public long copyOut(String sha256, Path out, String reason, String actor) {
    if (Files.exists(out)) {
      throw new EvidenceException(out + ": already exists; choose a new file name");
    }
    requireItem(sha256);
    Path temp;
    try {
      temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".sijill-get-", ".part");
    } catch (IOException e) {
      throw new EvidenceException(out + ": cannot write there: " + e.getMessage(), e);
    }
    try {
      String actual;
      try (InputStream in = vault.vault().store().open(sha256).orElseThrow();
          OutputStream copy = Files.newOutputStream(temp)) {
        actual = Digests.copy(in, copy).sha256();
      }
      if (!actual.equals(sha256)) {
        throw new EvidenceException(
            sha256 + ": the stored bytes hash to " + actual + "; run `sijill vault verify`");
      }
      Map<String, String> details = new TreeMap<>();
      details.put("how", "copied out");
      if (reason != null && !reason.isBlank()) {
        details.put("reason", seal(reason.strip(), "custody.reason"));
      }
      long index = vault.vault().record(EventType.VIEWED, sha256, actor, details);
      vault.mirror();
      Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
      return index;
    } catch (IOException e) {
      throw new EvidenceException(out + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a hidden temporary beside the requested file; nothing of the vault's
      }
    }
  }

  /** Adds a note to an item's custody log (the original is never changed); returns its index. */
  public long annotate(String sha256, String note, String actor) {
    if (note == null || note.isBlank()) {
      throw new EvidenceException("NOTE: empty; nothing was logged");
    }
    requireItem(sha256);
    try {
      long index =
          vault
              .vault()
              .record(
                  EventType.ANNOTATED,
                  sha256,
                  actor,
                  Map.of("note", seal(note.strip(), "custody.note")));
      vault.mirror();
      return index;
    } catch (IOException e) {
      throw new EvidenceException(sha256 + ": cannot log the note: " + e.getMessage(), e);
    }
  }

  /** One custody log entry about an item. */
  public record Entry(
      long index, Instant at, String type, String actor, Map<String, String> details) {
    public Entry {
      details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
  }

  /** An item's chain of custody from the log, in log order (fingerprinting outcomes included). */
  public List<Entry> history(String sha256) {
    List<Entry> out = new ArrayList<>();
    try {
      for (CustodyEvent e : vault.vault().events()) {
        if (e.sha256().equals(sha256)) {
          out.add(
              new Entry(
                  e.seq(),
                  e.at(),
                  e.type().wireName(),
                  e.actor(),
                  vault.caseFile().sealer().revealDetails(e.details())));
        }
      }
    } catch (IOException e) {
      throw new EvidenceException("cannot read the custody log: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new EvidenceException(sha256 + ": no such item in the vault");
    }
    return out;
  }

  /** A value sealed as the case's keys say; a locked case refuses (see {@link Sealer#seal}). */
  private String seal(String value, String field) {
    try {
      return vault.caseFile().sealer().seal(value, field);
    } catch (KeyringException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  private void requireItem(String sha256) {
    try {
      if (!vault.vault().store().contains(sha256)) {
        throw new EvidenceException(sha256 + ": no such item in the vault");
      }
    } catch (IOException e) {
      throw new EvidenceException(sha256 + ": " + e.getMessage(), e);
    }
  }
}
