package org.sijill.workflow.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes, stored as PHC strings ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}),
 * so the cost can be raised later without invalidating the hashes already stored: each hash carries
 * its own parameters.
 *
 * <p>The default cost is OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): a stolen database
 * then costs an attacker tens of milliseconds per guess per core, not nanoseconds.
 */
public final class Passwords {
  /** Shorter passwords are refused: a seized laptop's database must resist guessing. */
  public static final int MIN_LENGTH = 10;

  public static final int MAX_LENGTH = 1024;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  /** The default cost (19 MiB, 2 passes). */
  public Passwords() {
    this(19 * 1024, 2);
  }

  Passwords(int memoryKib, int iterations) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
  }

  /** A new salted hash of {@code password}. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, memoryKib, iterations, 1, HASH_BYTES);
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p=1$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** True when {@code password} matches {@code stored}; false for any malformed hash. */
  public boolean verify(String password, String stored) {
    if (stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        int value = Integer.parseInt(kv.substring(2));
        switch (kv.substring(0, 2)) {
          case "m=" -> m = value;
          case "t=" -> t = value;
          case "p=" -> p = value;
          default -> {
            return false;
          }
        }
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Why {@code password} is not acceptable as a new password, or null when it is. */
  public static String weakness(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "a password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "a password may have at most " + MAX_LENGTH + " characters";
    }
    return null;
  }

  private static byte[] derive(String password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
