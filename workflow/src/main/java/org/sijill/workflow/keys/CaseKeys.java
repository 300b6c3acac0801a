package org.sijill.workflow.keys;

import java.nio.file.Path;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.seal.Keyring;
import org.sijill.casefile.seal.KeyringException;
import org.sijill.casefile.seal.Sealer;

/**
 * The sealing keys of one data directory, over the case file that uses them. After {@link #create},
 * {@link #unlock} or {@link #rotate} the case file seals and opens values with the result; a case
 * file opened without the passphrase stays locked (sealed values read as "locked", writing a value
 * that must be sealed is refused).
 */
public final class CaseKeys {
  private final Path keysDir;
  private final CaseFile caseFile;
  private final Keyring.Cost cost;

  public CaseKeys(Path dataDir, CaseFile caseFile) {
    this(dataDir, caseFile, Keyring.Cost.DEFAULT);
  }

  /** With another Argon2id cost for new wrappings (tests use a cheap one). */
  public CaseKeys(Path dataDir, CaseFile caseFile, Keyring.Cost cost) {
    this.keysDir = CaseFile.keysDir(dataDir);
    this.caseFile = caseFile;
    this.cost = cost;
  }

  /** Where the case stands: {@code no keys}, {@code locked} or {@code unlocked}. */
  public record Status(boolean hasKeys, String state, int dataKeys) {}

  public Status status() {
    Sealer s = caseFile.sealer();
    return new Status(Keyring.exists(keysDir), s.describe(), s.dataKeys());
  }

  public boolean exist() {
    return Keyring.exists(keysDir);
  }

  /** Creates the keys under {@code passphrase}; from now on identifying values are sealed. */
  public Status create(char[] passphrase) {
    caseFile.useSealer(call(() -> Keyring.create(keysDir, passphrase, cost)));
    return status();
  }

  /** Unlocks the keys; a wrong passphrase throws and leaves the case locked. */
  public Status unlock(char[] passphrase) {
    caseFile.useSealer(call(() -> Keyring.unlock(keysDir, passphrase)));
    return status();
  }

  /**
   * A new data key for new values (older keys stay to open older values: rows are never rewritten),
   * and the keyset wrapped again under a fresh salt, with {@code newPassphrase} when it is not
   * null.
   */
  public Status rotate(char[] passphrase, char[] newPassphrase) {
    call(() -> Keyring.rotate(keysDir, passphrase, newPassphrase, cost));
    return unlock(newPassphrase == null ? passphrase : newPassphrase);
  }

  private interface Step<T> {
    T run();
  }

  private static <T> T call(Step<T> step) {
    try {
      return step.run();
    } catch (KeyringException e) {
      throw new KeysException(e.getMessage(), e);
    }
  }
}
