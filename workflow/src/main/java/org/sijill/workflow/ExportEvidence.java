package org.sijill.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
      vault.vault().export(out, items, actor);
      vault.mirror();
    } catch (IOException e) {
      throw new EvidenceException(out + ": cannot write the package: " + e.getMessage(), e);
    }
    return new Result(out, items.size());
  }
}
