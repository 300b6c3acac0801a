package org.sijill.cli;

import org.sijill.casefile.CaseFile;
import org.sijill.workflow.EvidenceVault;

/** The case file and the vault of the data directory in force, open together. */
final class VaultSession implements AutoCloseable {
  final CaseFile caseFile;
  final EvidenceVault vault;

  private VaultSession(CaseFile caseFile, EvidenceVault vault) {
    this.caseFile = caseFile;
    this.vault = vault;
  }

  static VaultSession open(Main main) {
    CaseFile cf = main.openCaseFile();
    try {
      return new VaultSession(cf, EvidenceVault.open(main.dataDir(), cf));
    } catch (RuntimeException e) {
      cf.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      vault.close();
    } finally {
      caseFile.close();
    }
  }
}
