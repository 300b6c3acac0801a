package org.sijill.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sijill.casefile.seal.Sealer;

/**
 * Stable pseudonyms for sources in redacted exports: {@code source-} and the first 10 hex digits of
 * HMAC-SHA-256 over the source's name, under a key of the case. The same source gets the same
 * pseudonym in every package, so partners can follow one witness across packages without learning
 * who it is; without the key, guessing a name and checking it against a pseudonym is not possible.
 * The key lives in {@code keys/pseudonyms.key}, sealed when the case has sealing keys.
 */
final class Pseudonyms {
  private static final String FIELD = "pseudonym.key";
  private final byte[] key;

  private Pseudonyms(byte[] key) {
    this.key = key;
  }

  /** The case's pseudonym key, made on first use. */
  static Pseudonyms of(Path keysDir, Sealer sealer) {
    Path f = keysDir.resolve("pseudonyms.key");
    try {
      if (Files.exists(f)) {
        String stored = Files.readString(f, StandardCharsets.UTF_8).strip();
        String plain = sealer.reveal(stored, FIELD);
        if (Sealer.LOCKED.equals(plain) || Sealer.UNREADABLE.equals(plain)) {
          throw new EvidenceException(
              "a redacted export needs the passphrase (its pseudonyms are keyed by the case's"
                  + " sealed pseudonym key)");
        }
        return new Pseudonyms(Base64.getDecoder().decode(plain));
      }
      byte[] k = new byte[32];
      new SecureRandom().nextBytes(k);
      String stored = sealer.seal(Base64.getEncoder().encodeToString(k), FIELD);
      Files.createDirectories(keysDir);
      Path tmp = keysDir.resolve("pseudonyms.key.tmp");
      Files.writeString(tmp, stored + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the folder's ACL applies
      }
      Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return new Pseudonyms(k);
    } catch (IOException e) {
      throw new EvidenceException(f + ": " + e.getMessage(), e);
    } catch (org.sijill.casefile.seal.KeyringException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  String of(String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h = mac.doFinal(name.strip().getBytes(StandardCharsets.UTF_8));
      return "source-" + HexFormat.of().formatHex(h).substring(0, 10);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }
}
