package org.sijill.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sijill.vault.CustodyEvent;
import org.sijill.vault.EventType;

/**
 * Fingerprints the vault's items that were stored without it ({@code sijill media index --vault}):
 * items acquired before fingerprinting existed, or whose ingest was cut off between storing and
 * fingerprinting. Each gets the same steps as a new item ({@link IngestEvidence}): a {@code
 * fingerprinted} custody event with its outcome, its fingerprint in the media index and its
 * near-duplicates in the case file. Items the media index holds, and items already marked as not
 * decodable, are left alone, so running it twice does nothing the second time; an item whose
 * fingerprint the index lost (a deleted or rebuilt index) is fingerprinted again.
 */
public final class Backfill {
  private final EvidenceVault vault;
  private final ProgressListener progress;

  public Backfill(EvidenceVault vault, ProgressListener progress) {
    this.vault = vault;
    this.progress = progress;
  }

  /** One item's outcome. */
  public record ItemOutcome(
      String sha256, String name, FingerprintOutcome fingerprint, List<EarlierCopy> earlier) {
    public ItemOutcome {
      earlier = List.copyOf(earlier);
    }
  }

  /** Fingerprints every item that lacks it, in acquisition order; returns what each gave. */
  public List<ItemOutcome> run(String actor) {
    Map<String, CustodyEvent> first = new LinkedHashMap<>();
    // Items whose latest fingerprinting failed to decode them: trying again gives the same.
    Set<String> undecodable = new TreeSet<>();
    try {
      for (CustodyEvent e : vault.vault().events()) {
        if (e.type() == EventType.ACQUIRED || e.type() == EventType.IMPORTED) {
          first.putIfAbsent(e.sha256(), e);
        } else if (e.type() == EventType.FINGERPRINTED) {
          if ("fingerprinted".equals(e.details().get("outcome"))
              || e.details().containsKey("retry")) {
            undecodable.remove(e.sha256());
          } else {
            undecodable.add(e.sha256());
          }
        }
      }
    } catch (IOException e) {
      throw new EvidenceException("cannot read the custody log: " + e.getMessage(), e);
    }
    List<ItemOutcome> out = new ArrayList<>();
    try (Fingerprinting fingerprinting = new Fingerprinting(vault)) {
      int n = 0;
      for (CustodyEvent e : first.values()) {
        progress.progress("fingerprinting vault items", n++, first.size());
        String sha = e.sha256();
        if (undecodable.contains(sha) || fingerprinting.indexed(sha)) {
          continue;
        }
        String name = e.details().getOrDefault("file_name", sha);
        Fingerprinting.Result r;
        try {
          r =
              fingerprinting.fingerprint(
                  sha, name, actor, e.details().getOrDefault("source", ""), e.at());
        } catch (IOException ex) {
          throw new EvidenceException(
              "vault item " + sha + ": cannot log its fingerprint: " + ex.getMessage(), ex);
        }
        out.add(new ItemOutcome(sha, name, r.outcome(), r.earlier()));
      }
      progress.progress("fingerprinting vault items", first.size(), first.size());
    }
    return out;
  }
}
