package org.sijill.casefile.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  /** Cheap Argon2id for tests; the format records the cost, so unlock uses the same. */
  static final Keyring.Cost CHEAP = new Keyring.Cost(1024, 1, 1);

  @TempDir Path keys;

  @Test
  void aSealedValueRoundTripsWithThePassphraseAndReadsAsLockedWithout() throws Exception {
    String phone = "+963-" + UUID.randomUUID();
    Sealer s = Keyring.create(keys, "correct horse".toCharArray(), CHEAP);
    String stored = s.seal(phone, "source.contact");

    assertThat(stored).startsWith("sealed:1:").doesNotContain(phone);
    assertThat(Keyring.unlock(keys, "correct horse".toCharArray()).reveal(stored, "source.contact"))
        .isEqualTo(phone);
    assertThat(Sealer.locked().reveal(stored, "source.contact")).isEqualTo(Sealer.LOCKED);
    assertThat(Files.readString(Keyring.file(keys), StandardCharsets.UTF_8)).doesNotContain(phone);
    assertThat(Files.getPosixFilePermissions(Keyring.file(keys)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aWrongPassphraseIsRefused() {
    Keyring.create(keys, "correct horse".toCharArray(), CHEAP);
    assertThatThrownBy(() -> Keyring.unlock(keys, "correct hose".toCharArray()))
        .isInstanceOf(KeyringException.class)
        .hasMessageContaining("wrong passphrase");
  }

  @Test
  void aSealedValueIsBoundToItsField() {
    Sealer s = Keyring.create(keys, "pw".toCharArray(), CHEAP);
    String stored = s.seal("Witness Qx", "source.name");
    assertThat(s.reveal(stored, "source.contact")).isEqualTo(Sealer.UNREADABLE);
  }

  @Test
  void aLockedCaseRefusesToSealAndACaseWithoutKeysStoresAsGiven() {
    assertThatThrownBy(() -> Sealer.locked().seal("x", "custody.note"))
        .isInstanceOf(KeyringException.class)
        .hasMessageContaining("SIJILL_PASSPHRASE_FILE");
    assertThat(Sealer.none().seal("x", "custody.note")).isEqualTo("x");
    assertThat(Sealer.none().sealing()).isFalse();
  }

  @Test
  void rotationSealsNewValuesUnderANewKeyAndKeepsOldOnesReadable() {
    Sealer before = Keyring.create(keys, "old pass".toCharArray(), CHEAP);
    String old = before.seal("written before rotation", "custody.note");

    assertThat(Keyring.rotate(keys, "old pass".toCharArray(), "new pass".toCharArray(), CHEAP))
        .isEqualTo(2);
    assertThatThrownBy(() -> Keyring.unlock(keys, "old pass".toCharArray()))
        .isInstanceOf(KeyringException.class);
    Sealer after = Keyring.unlock(keys, "new pass".toCharArray());
    String fresh = after.seal("written after rotation", "custody.note");

    assertThat(after.dataKeys()).isEqualTo(2);
    assertThat(after.reveal(old, "custody.note")).isEqualTo("written before rotation");
    assertThat(after.reveal(fresh, "custody.note")).isEqualTo("written after rotation");
    // Tink puts the key id in the first five bytes: the new value is under another key.
    assertThat(fresh.substring(0, 16)).isNotEqualTo(old.substring(0, 16));
    assertThat(before.reveal(fresh, "custody.note")).isEqualTo(Sealer.UNREADABLE);
  }

  @Test
  void onlyTheIdentifyingCustodyDetailsAreSealed() {
    Sealer s = Keyring.create(keys, "pw".toCharArray(), CHEAP);
    Map<String, String> sealed =
        s.sealDetails(Map.of("source", "Witness Qx", "size", "12", "file_name", "a.jpg"));
    assertThat(sealed.get("source")).startsWith("sealed:1:");
    assertThat(sealed).containsEntry("size", "12").containsEntry("file_name", "a.jpg");
    assertThat(s.revealDetails(sealed)).containsEntry("source", "Witness Qx");
    assertThat(Sealer.locked().revealDetails(sealed)).containsEntry("source", Sealer.LOCKED);
  }
}
