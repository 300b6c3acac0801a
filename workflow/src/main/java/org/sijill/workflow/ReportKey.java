package org.sijill.workflow;

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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs published reports, kept apart from the vault's key in {@code
 * DATA/keys/report-ed25519.pk8} (owner-only) and {@code report-ed25519.spki} (its public half). Its
 * name, which is also the origin of every report checkpoint, is {@code sijill.report/<first 16 hex
 * digits of SHA-256 of the public key>}. Notes are C2SP signed notes, so the vault's {@code
 * NoteVerifier} (and any signed-note tool) checks them.
 */
final class ReportKey {
  static final String PRIVATE_FILE = "report-ed25519.pk8";
  static final String PUBLIC_FILE = "report-ed25519.spki";
  private static final String DASH = "\u2014 ";

  private final PrivateKey privateKey;
  private final byte[] rawPublic;
  private final String name;

  private ReportKey(PrivateKey privateKey, byte[] rawPublic) {
    this.privateKey = privateKey;
    this.rawPublic = rawPublic;
    this.name = "sijill.report/" + HexFormat.of().formatHex(sha256(rawPublic), 0, 8);
  }

  static ReportKey loadOrCreate(Path keysDir) {
    Path priv = keysDir.resolve(PRIVATE_FILE);
    Path pub = keysDir.resolve(PUBLIC_FILE);
    try {
      if (!Files.exists(priv)) {
        create(keysDir, priv, pub);
      }
      KeyFactory kf = KeyFactory.getInstance("Ed25519");
      PrivateKey sk = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
      byte[] spki = Files.readAllBytes(pub);
      kf.generatePublic(new X509EncodedKeySpec(spki)); // refuses a file that is not a key
      return new ReportKey(sk, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    } catch (IOException e) {
      throw new PublishException("report signing key in " + keysDir + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new PublishException(priv + " or " + pub + ": not an Ed25519 key", e);
    }
  }

  String name() {
    return name;
  }

  /** The key in the signed-note verifier form {@code name+keyid+base64(0x01 || key)}. */
  String verifierKey() {
    byte[] k = new byte[33];
    k[0] = 0x01;
    System.arraycopy(rawPublic, 0, k, 1, 32);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId())
        + "+"
        + Base64.getEncoder().encodeToString(k);
  }

  /** {@code body} (lines ending in newlines), a blank line, and this key's signature line. */
  String sign(String body) {
    if (!body.endsWith("\n") || body.contains("\n\n")) {
      throw new IllegalArgumentException("a note body is lines each ending in a newline");
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(body.getBytes(StandardCharsets.UTF_8));
      byte[] sig = s.sign();
      byte[] all = new byte[4 + sig.length];
      System.arraycopy(keyId(), 0, all, 0, 4);
      System.arraycopy(sig, 0, all, 4, sig.length);
      return body + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(all) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  private byte[] keyId() {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[n.length + 2 + rawPublic.length];
    System.arraycopy(n, 0, in, 0, n.length);
    in[n.length] = '\n';
    in[n.length + 1] = 0x01;
    System.arraycopy(rawPublic, 0, in, n.length + 2, rawPublic.length);
    return Arrays.copyOf(sha256(in), 4);
  }

  private static void create(Path keysDir, Path priv, Path pub)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(keysDir);
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path tmp = keysDir.resolve(PRIVATE_FILE + "." + System.nanoTime() + ".tmp");
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    try {
      Files.write(tmp, kp.getPrivate().getEncoded());
      // A link, unlike a rename, never replaces a key that another process made meanwhile.
      Files.createLink(priv, tmp);
      Files.write(pub, kp.getPublic().getEncoded());
    } catch (FileAlreadyExistsException raced) {
      // another process made the key first: theirs is used
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
