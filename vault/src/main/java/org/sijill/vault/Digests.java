package org.sijill.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and SHA-512 of a stream computed in one pass while it is copied. */
final class Digests {
  static final int BUFFER = 1 << 20;

  record Result(String sha256, String sha512, long size) {}

  private Digests() {}

  /** Copies {@code in} to {@code out} (which may be null), hashing every byte on the way. */
  static Result copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest s256 = md("SHA-256");
    MessageDigest s512 = md("SHA-512");
    byte[] buf = new byte[BUFFER];
    long size = 0;
    int n;
    while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
      s256.update(buf, 0, n);
      s512.update(buf, 0, n);
      if (out != null) {
        out.write(buf, 0, n);
      }
      size += n;
    }
    HexFormat hex = HexFormat.of();
    return new Result(hex.formatHex(s256.digest()), hex.formatHex(s512.digest()), size);
  }

  static MessageDigest md(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  static boolean isSha256Hex(String s) {
    return s != null
        && s.length() == 64
        && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
