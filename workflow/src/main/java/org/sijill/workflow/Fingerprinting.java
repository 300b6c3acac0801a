package org.sijill.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sijill.casefile.evidence.NearDuplicates;
import org.sijill.casefile.evidence.VaultRecords;
import org.sijill.media.Comparison;
import org.sijill.media.Fingerprint;
import org.sijill.media.MediaException;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.VideoFingerprint;
import org.sijill.media.index.MediaIndex;
import org.sijill.media.index.SeenMatch;
import org.sijill.vault.EventType;

/**
 * The steps after storing that make an item findable: fingerprint the stored bytes, log the outcome
 * as a {@code fingerprinted} custody event (with the reason when the file cannot be decoded), add
 * the fingerprint to the media index and record each earlier match in the case file. One instance
 * holds the media index open for a whole batch (opening it reads every stored hash).
 *
 * <p>Never throws for a bad file: a file that cannot be decoded is still evidence, already stored
 * and logged; it is marked "not fingerprinted" with the reason.
 */
final class Fingerprinting implements AutoCloseable {
  static final String INDEX_PROBLEM = "the media index";
  private final EvidenceVault ev;
  private final MediaFingerprinter fingerprinter = new MediaFingerprinter();
  private MediaIndex index;
  private String indexProblem;

  Fingerprinting(EvidenceVault ev) {
    this.ev = ev;
  }

  /** What fingerprinting gave, and the earlier items matched (oldest acquisition first). */
  record Result(FingerprintOutcome outcome, List<EarlierCopy> earlier) {}

  /**
   * Fingerprints the stored item {@code sha256} that arrived as {@code name}, logs the outcome and
   * records its near-duplicates.
   *
   * @param acquired when it was acquired, or null to take the time its acquisition logged
   */
  Result fingerprint(String sha256, String name, String actor, String source, Instant acquired)
      throws IOException {
    FingerprintOutcome outcome = null;
    List<SeenMatch> matches = List.of();
    Fingerprint fp = null;
    try {
      fp = fingerprinter.fingerprint(ev.vault().contentPath(sha256));
    } catch (MediaException e) {
      outcome =
          FingerprintOutcome.notDone(
              e.unrecognised() ? "not an image or video" : reasonOf(e, sha256));
    } catch (RuntimeException | LinkageError e) {
      outcome = FingerprintOutcome.notDone("the decoder failed: " + e);
    }
    if (fp != null) {
      MediaIndex idx = index();
      if (idx == null) {
        outcome = FingerprintOutcome.notDone(INDEX_PROBLEM + " is unavailable: " + indexProblem);
        fp = null;
      } else {
        String kind = fp instanceof VideoFingerprint ? "video" : "image";
        Instant at = acquired;
        if (at == null) {
          VaultRecords.Acquired a = ev.records().acquisitions(List.of(sha256)).get(sha256);
          at = a == null ? null : a.at();
        }
        try {
          matches = idx.add(sha256, fp, source == null ? "" : source, at, name).earlier();
          outcome = FingerprintOutcome.done(kind, fp.frames().size());
        } catch (UncheckedIOException e) {
          String why = INDEX_PROBLEM + " could not be written: " + e.getMessage();
          outcome = FingerprintOutcome.notDone(why);
        }
      }
    }
    Map<String, String> details = new TreeMap<>();
    if (outcome.fingerprinted()) {
      details.put("outcome", "fingerprinted");
      details.put("kind", outcome.kind());
      details.put("frames", Integer.toString(outcome.frames()));
      details.put("method", "PDQ 256-bit" + ("video".equals(outcome.kind()) ? ", vPDQ" : ""));
    } else {
      details.put("outcome", "not fingerprinted");
      details.put("reason", outcome.reason());
      if (outcome.reason().startsWith(INDEX_PROBLEM)) {
        // Not the file's fault: `media index --vault` tries it again.
        details.put("retry", "yes");
      }
    }
    ev.vault().record(EventType.FINGERPRINTED, sha256, actor, details);
    ev.mirror();
    return new Result(outcome, recordMatches(sha256, matches, actor));
  }

  /** Writes each match with a vault item into the case file; returns all, oldest first. */
  private List<EarlierCopy> recordMatches(String sha256, List<SeenMatch> matches, String actor) {
    if (matches.isEmpty()) {
      return List.of();
    }
    VaultRecords records = ev.records();
    List<String> keys = new ArrayList<>(matches.stream().map(m -> m.item().key()).toList());
    keys.add(sha256);
    Map<String, VaultRecords.Acquired> known = records.acquisitions(keys);
    VaultRecords.Acquired self = known.get(sha256);
    NearDuplicates dups = ev.nearDuplicates();
    List<EarlierCopy> out = new ArrayList<>();
    for (SeenMatch m : matches) {
      VaultRecords.Acquired a = known.get(m.item().key());
      Comparison c = m.comparison();
      if (a != null && self != null && a.id() != self.id()) {
        dups.record(
            new NearDuplicates.Found(
                self.id(), a.id(), c.verdict().label(), c.bestDistance(), c.aShare(), c.bShare()),
            actor);
      }
      out.add(EarlierCopies.copy(m, a, sha256, ev.caseFile().sealer()));
    }
    out.sort(EarlierCopies.OLDEST_FIRST);
    return out;
  }

  /** The media index, opened on first use and kept open; null when it cannot be opened. */
  private MediaIndex index() {
    if (index == null && indexProblem == null) {
      try {
        index = MediaIndex.openForWriting(ev.mediaDir());
      } catch (UncheckedIOException | IllegalStateException e) {
        indexProblem = e.getMessage();
      }
    }
    return index;
  }

  /** Whether the media index already holds this item. */
  boolean indexed(String sha256) {
    MediaIndex idx = index();
    return idx != null && idx.byKey(sha256).isPresent();
  }

  /** A decoder's message about the stored file, without the vault's path. */
  private String reasonOf(MediaException e, String sha256) {
    String m = String.valueOf(e.getMessage());
    String path = ev.vault().contentPath(sha256).toString();
    if (m.startsWith(path + ": ")) {
      m = m.substring(path.length() + 2);
    }
    m = m.replace(path, "the file");
    // The decoders speak of the file ("is corrupt or truncated (…); not fingerprinted"); the
    // outcome says "not fingerprinted: " itself.
    if (m.startsWith("is ")) {
      m = m.substring(3);
    }
    return m.endsWith("; not fingerprinted") ? m.substring(0, m.length() - 19) : m;
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
  }
}
