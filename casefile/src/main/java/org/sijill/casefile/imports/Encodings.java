package org.sijill.casefile.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens text files the way Arabic spreadsheets arrive: UTF-8 (a byte-order mark is skipped) or
 * Windows-1256. Decoding is strict: bytes that are not valid in the declared encoding are an error,
 * never silently replaced — a wrong encoding would otherwise store mojibake as names.
 */
public final class Encodings {
  private Encodings() {}

  /** Parses "UTF-8", "utf8", "windows-1256", "cp1256". */
  public static Charset parse(String name) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (n) {
      case "utf-8", "utf8" -> StandardCharsets.UTF_8;
      case "windows-1256", "cp1256", "1256" -> Charset.forName("windows-1256");
      default ->
          throw new IllegalArgumentException(
              "unsupported encoding '" + name + "' (use UTF-8 or windows-1256)");
    };
  }

  /** A strict reader; a UTF-8 byte-order mark at the start is consumed. */
  public static Reader open(InputStream in, Charset charset) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in);
    if (charset.equals(StandardCharsets.UTF_8)) {
      b.mark(3);
      byte[] bom = b.readNBytes(3);
      if (!(bom.length == 3
          && (bom[0] & 0xff) == 0xEF
          && (bom[1] & 0xff) == 0xBB
          && (bom[2] & 0xff) == 0xBF)) {
        b.reset();
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(b, decoder);
  }
}
