package org.sijill.vault.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.sijill.vault.Digests;
import org.sijill.vault.internal.OwnerOnly;
import org.sijill.vault.store.FileBlobStore;

/**
 * Signs checkpoints with the vault's Ed25519 key, kept in {@code <data>/keys/}: {@code
 * vault-ed25519.pk8} (PKCS#8, owner-only) and {@code vault.vkey} (the public verifier key, safe to
 * publish). The key's name, which is also the log's origin, is {@code sijill.vault/<first 16 hex
 * digits of SHA-256 of the public key>}, so two vaults never share an origin.
 */
public final class CheckpointSigner {
  public static final String PRIVATE_FILE = "vault-ed25519.pk8";
  static final String PUBLIC_FILE = "vault.vkey";

  private final PrivateKey privateKey;
  private final NoteVerifier verifier;

  private CheckpointSigner(PrivateKey privateKey, NoteVerifier verifier) {
    this.privateKey = privateKey;
    this.verifier = verifier;
  }

  /** Loads the vault key from {@code keysDir}, creating it on first use. */
  public static CheckpointSigner loadOrCreate(Path keysDir) throws IOException {
    Path priv = keysDir.resolve(PRIVATE_FILE);
    if (!Files.exists(priv)) {
      create(keysDir, priv);
    }
    try {
      byte[] pk8 = Files.readAllBytes(priv);
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey sk = kf.generatePrivate(new PKCS8EncodedKeySpec(pk8));
      byte[] raw = publicFromPrivate(sk);
      NoteVerifier v = new NoteVerifier(originFor(raw), raw);
      Path pub = keysDir.resolve(PUBLIC_FILE);
      if (!Files.exists(pub)) {
        Files.writeString(pub, v.verifierKey() + "\n");
      }
      return new CheckpointSigner(sk, v);
    } catch (GeneralSecurityException e) {
      throw new IOException(priv + ": not an Ed25519 private key", e);
    }
  }

  public String origin() {
    return verifier.name();
  }

  public NoteVerifier verifier() {
    return verifier;
  }

  /** The checkpoint as a signed note: body, blank line, one signature line. */
  public String sign(Checkpoint checkpoint) {
    if (!checkpoint.origin().equals(origin())) {
      throw new IllegalArgumentException("checkpoint origin is not this key's name");
    }
    String body = checkpoint.body();
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(body.getBytes(StandardCharsets.UTF_8));
      byte[] sig = s.sign();
      byte[] id = NoteVerifier.keyId(origin(), verifier.rawKey());
      byte[] all = new byte[id.length + sig.length];
      System.arraycopy(id, 0, all, 0, id.length);
      System.arraycopy(sig, 0, all, id.length, sig.length);
      return body
          + "\n"
          + NoteVerifier.DASH
          + origin()
          + " "
          + Base64.getEncoder().encodeToString(all)
          + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  static String originFor(byte[] rawPublicKey) {
    byte[] h = Digests.md("SHA-256").digest(rawPublicKey);
    return "sijill.vault/" + HexFormat.of().formatHex(h, 0, 8);
  }

  private static void create(Path keysDir, Path priv) throws IOException {
    OwnerOnly.directory(keysDir);
    KeyPair kp;
    try {
      kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks Ed25519", e);
    }
    Path tmp = keysDir.resolve(PRIVATE_FILE + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    try {
      Files.write(tmp, kp.getPrivate().getEncoded());
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      // A hard link, unlike a rename, never replaces a key another process made meanwhile.
      Files.createLink(priv, tmp);
      FileBlobStore.fsyncDirectory(keysDir);
    } catch (FileAlreadyExistsException raced) {
      // another process created the key first: use theirs
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The JDK cannot derive an EdDSA public key from a private one; Bouncy Castle can. */
  private static byte[] publicFromPrivate(PrivateKey sk) {
    byte[] seed = ((java.security.interfaces.EdECPrivateKey) sk).getBytes().orElseThrow();
    return new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0)
        .generatePublicKey()
        .getEncoded();
  }
}
