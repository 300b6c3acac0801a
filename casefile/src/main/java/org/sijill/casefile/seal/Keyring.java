package org.sijill.casefile.seal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The case's data keys, kept in {@code DATA/keys/sealing.json} wrapped under a passphrase.
 *
 * <p>The file holds the Argon2id salt and cost, and the Tink keyset of data keys encrypted with the
 * key-encryption key (KEK) that Argon2id derives from the passphrase. Nothing in it opens a sealed
 * value without the passphrase. {@link #rotate} adds a new data key as primary (new values are
 * sealed under it; the older keys stay to open older values, since the tables are append-only) and
 * re-wraps the keyset under a fresh salt, optionally with a new passphrase.
 */
public final class Keyring {
  /** The file name under the keys folder. */
  public static final String FILE = "sealing.json";

  static final String FORMAT = "sijill-sealing/1";
  private static final byte[] KEYSET_AD =
      "sijill sealing keyset".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Argon2id cost. The default (64 MiB, 3 passes, 1 lane) is the second recommended option of RFC
   * 9106 §4 and takes well under a second here; tests pass a cheaper one.
   */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(64 * 1024, 3, 1);
  }

  private Keyring() {}

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The keyring file of a keys folder. */
  public static Path file(Path keysDir) {
    return keysDir.resolve(FILE);
  }

  public static boolean exists(Path keysDir) {
    return Files.isRegularFile(file(keysDir));
  }

  /**
   * Creates the keyring with one data key, wrapped under {@code passphrase}; returns an unlocked
   * sealer.
   *
   * @throws KeyringException when a keyring exists already or the passphrase is empty
   */
  public static Sealer create(Path keysDir, char[] passphrase, Cost cost) {
    if (exists(keysDir)) {
      throw new KeyringException(file(keysDir) + ": the case has keys already");
    }
    try {
      KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      write(keysDir, keys, passphrase, cost);
      return Sealer.unlocked(aead(keys), keys.size());
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot make a data key: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the data keys with the passphrase.
   *
   * @throws KeyringException when there is no keyring, or the passphrase is wrong (or the file was
   *     altered: the two cannot be told apart, by design of authenticated encryption)
   */
  public static Sealer unlock(Path keysDir, char[] passphrase) {
    KeysetHandle keys = open(keysDir, passphrase);
    return Sealer.unlocked(aead(keys), keys.size());
  }

  /**
   * Adds a new data key and makes it the one new values are sealed with; re-wraps the keyset under
   * a fresh salt with {@code newPassphrase} (or the same passphrase when null). Returns the number
   * of data keys now held.
   */
  public static int rotate(Path keysDir, char[] passphrase, char[] newPassphrase, Cost cost) {
    KeysetHandle keys = open(keysDir, passphrase);
    try {
      KeysetHandle rotated =
          KeysetHandle.newBuilder(keys)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      write(keysDir, rotated, newPassphrase == null ? passphrase : newPassphrase, cost);
      return rotated.size();
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot make a new data key: " + e.getMessage(), e);
    }
  }

  private static KeysetHandle open(Path keysDir, char[] passphrase) {
    Path f = file(keysDir);
    ObjectNode doc;
    try {
      doc = (ObjectNode) JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException | ClassCastException e) {
      throw new KeyringException(f + ": cannot read the keyring: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(doc.path("format").asText())) {
      throw new KeyringException(f + ": not a keyring of this Sijill (format)");
    }
    byte[] salt = Base64.getDecoder().decode(doc.path("salt").asText());
    Cost cost =
        new Cost(
            doc.path("memory_kib").asInt(),
            doc.path("iterations").asInt(),
            doc.path("parallelism").asInt());
    byte[] kek = derive(passphrase, salt, cost);
    try {
      return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
          doc.path("keyset").asText(), new AesGcmJce(kek), KEYSET_AD);
    } catch (GeneralSecurityException e) {
      throw new KeyringException("wrong passphrase (or the keyring file was altered)", e);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static void write(Path keysDir, KeysetHandle keys, char[] passphrase, Cost cost)
      throws GeneralSecurityException {
    if (passphrase == null || passphrase.length == 0) {
      throw new KeyringException("the passphrase is empty");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] kek = derive(passphrase, salt, cost);
    String wrapped;
    try {
      wrapped =
          TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keys, new AesGcmJce(kek), KEYSET_AD);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format", FORMAT);
    doc.put("kdf", "argon2id");
    doc.put("salt", Base64.getEncoder().encodeToString(salt));
    doc.put("memory_kib", cost.memoryKiB());
    doc.put("iterations", cost.iterations());
    doc.put("parallelism", cost.parallelism());
    doc.put("data_keys", keys.size());
    doc.put("written_at", Instant.now().toString());
    doc.put("keyset", wrapped);
    try {
      Files.createDirectories(keysDir);
      ownerOnly(keysDir, "rwx------");
      Path tmp = keysDir.resolve(FILE + ".tmp");
      Files.writeString(tmp, doc.toPrettyString() + "\n", StandardCharsets.UTF_8);
      ownerOnly(tmp, "rw-------");
      Files.move(tmp, file(keysDir), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new KeyringException(
          file(keysDir) + ": cannot write the keyring: " + e.getMessage(), e);
    }
  }

  private static void ownerOnly(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's ACL applies.
    }
  }

  /** The KEK: 32 bytes of Argon2id over the passphrase's UTF-8 bytes. */
  static byte[] derive(char[] passphrase, byte[] salt, Cost cost) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] pw = new byte[utf8.remaining()];
    utf8.get(pw);
    try {
      Argon2BytesGenerator gen = new Argon2BytesGenerator();
      gen.init(
          new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
              .withVersion(Argon2Parameters.ARGON2_VERSION_13)
              .withSalt(salt)
              .withMemoryAsKB(cost.memoryKiB())
              .withIterations(cost.iterations())
              .withParallelism(cost.parallelism())
              .build());
      byte[] kek = new byte[32];
      gen.generateBytes(pw, kek);
      return kek;
    } finally {
      Arrays.fill(pw, (byte) 0);
      if (utf8.hasArray()) {
        Arrays.fill(utf8.array(), (byte) 0);
      }
    }
  }

  private static Aead aead(KeysetHandle keys) {
    try {
      return keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new KeyringException("cannot use the data keys: " + e.getMessage(), e);
    }
  }
}
