package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.audit.AuditTrail;

/**
 * Writes evidence as a BagIt package ({@code sijill vault export}): every item, or those linked to
 * one incident, with manifests, the custody log extract and inclusion proofs; the export itself is
 * logged against each item.
 */
public final class ExportEvidence {
  private final EvidenceVault vault;

  public ExportEvidence(EvidenceVault vault) {
    this.vault = vault;
  }

  /** What was written. */
  public record Result(Path out, int items) {}

  /**
   * @param incident only the evidence linked to this incident, or null for every item
   * @throws EvidenceException when {@code out} exists or there is nothing to export
   */
  public Result export(Path out, Long incident, String actor) {
    return export(out, incident, actor, false);
  }

  /**
   * As {@link #export(Path, Long, String)}; with {@code redact}, a package for partners or the
   * public: sources other than public ones replaced by stable pseudonyms, addresses, notes and file
   * names removed from the custody extract, identifying tags (GPS, Artist, serials, owners) removed
   * from the metadata files, originals that may carry such tags in their own bytes withheld; each
   * original's SHA-256, log index and full metadata hash listed in {@code redaction.txt}, so that
   * the full package can later be checked against it. Needs the passphrase on a case with keys.
   */
  public Result export(Path out, Long incident, String actor, boolean redact) {
    return export(out, incident, actor, redact, null);
  }

  /**
   * As {@link #export(Path, Long, String, boolean)}, recording the export in the audit trail with
   * the address it was asked from ({@code remote}, null from the command line).
   */
  public Result export(Path out, Long incident, String actor, boolean redact, String remote) {
    if (Files.exists(out)) {
      throw new EvidenceException(out + ": already exists; choose a new package name");
    }
    List<String> items =
        incident == null
            ? vault.records().items().stream().map(r -> r.claims().get("sha256")).toList()
            : vault.records().itemsOfIncident(incident);
    if (items.isEmpty()) {
      throw new EvidenceException(
          incident == null
              ? "the vault holds no evidence to export"
              : "incident " + incident + " has no linked evidence");
    }
    try {
      if (redact) {
        CaseFile cf = vault.caseFile();
        Pseudonyms pseudonyms = Pseudonyms.of(CaseFile.keysDir(vault.dataDir()), cf.sealer());
        vault.vault().exportRedacted(out, items, actor, new PartnerRedaction(cf, pseudonyms));
      } else {
        vault.vault().export(out, items, actor);
      }
      vault.mirror();
    } catch (IOException e) {
      throw new EvidenceException(out + ": cannot write the package: " + e.getMessage(), e);
    }
    new AuditTrail(vault.caseFile())
        .export(
            actor,
            redact ? "redacted" : "full",
            String.valueOf(out.getFileName()),
            remote,
            items.size() + " items" + (incident == null ? "" : ", incident " + incident));
    return new Result(out, items.size());
  }
}
