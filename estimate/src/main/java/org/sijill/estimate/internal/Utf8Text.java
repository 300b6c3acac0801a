package org.sijill.estimate.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sijill.estimate.InputException;

/**
 * Opens the files this library reads by the rules every Sijill command shares for list files:
 * UTF-8, a byte-order mark skipped, strict decoding (a byte sequence that is not UTF-8 is refused
 * with its line, never replaced). The linkage module's {@code ListFile} applies the same rules to
 * victim lists; this library depends on no other Sijill module, so it has its own few lines.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * The file's text.
   *
   * @throws InputException {@code FILE:LINE: -: bytes that are not valid UTF-8}
   */
  public static Reader open(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int off = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      off = 3;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, off, bytes.length - off);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isUnderflow()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      long line = 1;
      for (int i = off; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new InputException(
          file
              + ":"
              + line
              + ": -: bytes that are not valid UTF-8 (Sijill writes and reads UTF-8; re-save the"
              + " file as UTF-8)");
    }
    out.flip();
    return new StringReader(out.toString());
  }
}
