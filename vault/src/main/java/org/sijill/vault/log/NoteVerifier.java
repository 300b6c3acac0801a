package org.sijill.vault.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.sijill.vault.Digests;

/**
 * Verifies checkpoints signed as C2SP signed notes with one Ed25519 key, given that key in the note
 * verifier-key form {@code <name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>}.
 *
 * <p>A note is its text (ending in a newline), a blank line, and signature lines {@code "— <name>
 * <base64(4-byte key id || 64-byte signature)>"}; the signature covers the text including its last
 * newline. Key id = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). Lines signed by
 * other keys are ignored, as the spec asks; a line from this key that fails refuses the note.
 */
public final class NoteVerifier {
  static final String DASH = "\u2014 ";
  static final byte ED25519 = 0x01;
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String name;
  private final byte[] keyId;
  private final byte[] rawKey;
  private final PublicKey key;

  NoteVerifier(String name, byte[] rawKey) {
    this.name = name;
    this.rawKey = rawKey.clone();
    this.keyId = keyId(name, rawKey);
    try {
      byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
      System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, 32);
      this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new ProofException("not an Ed25519 public key: " + e.getMessage());
    }
  }

  /** Parses a verifier key string. */
  public static NoteVerifier parse(String vkey) {
    String[] parts = vkey.strip().split("\\+", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].length() != 8) {
      throw new ProofException("verifier key must be name+keyid+key");
    }
    byte[] keyBytes;
    try {
      keyBytes = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new ProofException("verifier key is not base64");
    }
    if (keyBytes.length != 33 || keyBytes[0] != ED25519) {
      throw new ProofException("verifier key is not an Ed25519 key");
    }
    NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(keyBytes, 1, 33));
    if (!HexFormat.of().formatHex(v.keyId).equals(parts[1].toLowerCase(java.util.Locale.ROOT))) {
      throw new ProofException("verifier key id does not match its name and key");
    }
    return v;
  }

  /** This key as a verifier key string. */
  public String verifierKey() {
    byte[] k = new byte[33];
    k[0] = ED25519;
    System.arraycopy(rawKey, 0, k, 1, 32);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId)
        + "+"
        + Base64.getEncoder().encodeToString(k);
  }

  byte[] rawKey() {
    return rawKey.clone();
  }

  public String name() {
    return name;
  }

  /**
   * Checks the note's signature by this key and returns its checkpoint.
   *
   * @throws ProofException when the note is malformed, not signed by this key, the signature fails,
   *     or the checkpoint's origin is not this key's name
   */
  public Checkpoint verify(String note) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new ProofException("not a signed note: no blank line before the signatures");
    }
    String text = note.substring(0, split + 1);
    String[] sigLines = note.substring(split + 2, note.length() - 1).split("\n", -1);
    boolean found = false;
    for (String line : sigLines) {
      if (!line.startsWith(DASH)) {
        throw new ProofException("malformed signature line: " + line);
      }
      String[] f = line.substring(DASH.length()).split(" ", -1);
      if (f.length != 2) {
        throw new ProofException("malformed signature line: " + line);
      }
      byte[] sig;
      try {
        sig = Base64.getDecoder().decode(f[1]);
      } catch (IllegalArgumentException e) {
        throw new ProofException("signature is not base64");
      }
      if (sig.length < 4
          || !f[0].equals(name)
          || !MessageDigest.isEqual(Arrays.copyOf(sig, 4), keyId)) {
        continue; // another signer, e.g. a witness: ignored
      }
      if (sig.length != 4 + 64 || !check(text, Arrays.copyOfRange(sig, 4, sig.length))) {
        throw new ProofException("checkpoint signature by " + name + " does not verify");
      }
      found = true;
    }
    if (!found) {
      throw new ProofException("checkpoint is not signed by " + name);
    }
    Checkpoint c = Checkpoint.parseBody(text);
    if (!c.origin().equals(name)) {
      throw new ProofException("checkpoint origin " + c.origin() + " is not " + name);
    }
    return c;
  }

  private boolean check(String text, byte[] sig) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      return s.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static byte[] keyId(String name, byte[] rawKey) {
    MessageDigest md = Digests.md("SHA-256");
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update(ED25519);
    md.update(rawKey);
    return Arrays.copyOf(md.digest(), 4);
  }

  static byte[] rawPublicKey(PublicKey pk) {
    byte[] spki = pk.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
  }
}
