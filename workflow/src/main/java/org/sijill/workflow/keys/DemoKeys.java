package org.sijill.workflow.keys;

import java.nio.file.Path;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;

/**
 * The demo's sealing keys, under a passphrase published here and in the docs, so that the demo
 * shows sealing at work (its witnesses' names are ciphertext on disk) while anyone can open it. It
 * protects nothing, and says so. Keys are made only for an empty case or the demo case, never for a
 * folder holding a real case.
 */
public final class DemoKeys {
  /** Published: not a secret. */
  public static final String PASSPHRASE = "sijill demo passphrase (published, protects nothing)";

  private final Path dataDir;
  private final CaseFile caseFile;

  public DemoKeys(Path dataDir, CaseFile caseFile) {
    this.dataDir = dataDir;
    this.caseFile = caseFile;
  }

  /** Creates (first start) or unlocks the demo keys; returns a line for the console. */
  public String unlock() {
    CaseKeys keys = new CaseKeys(dataDir, caseFile);
    String banner =
        "demo: identities are sealed under the PUBLISHED demo passphrase \""
            + PASSPHRASE
            + "\"; a real case needs `sijill keys init` with a passphrase of its own";
    if (keys.exist()) {
      keys.unlock(PASSPHRASE.toCharArray());
      return banner;
    }
    boolean empty =
        caseFile.evidence().count() == 0
            && caseFile.victims().count() == 0
            && caseFile.sources().all().isEmpty();
    if (!empty && !DemoCase.isLoaded(caseFile)) {
      return "demo: this folder holds a case that is not the demo; its identities stay unsealed"
          + " until `sijill keys init`";
    }
    keys.create(PASSPHRASE.toCharArray());
    return banner;
  }
}
