package org.sijill.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the passphrase of a case's sealing keys comes from: {@code --passphrase-file FILE}, else
 * the file named by {@code $SIJILL_PASSPHRASE_FILE}, else a prompt on the console (when there is
 * one). A file holds the passphrase on its first line; it is never taken from an option's value,
 * which other users could read in the process list.
 */
final class Passphrases {
  private Passphrases() {}

  /** The passphrase from a file given by option or environment, or null when neither is set. */
  static char[] fromFile(Path option) {
    Path file = option;
    if (file == null) {
      String env = System.getenv("SIJILL_PASSPHRASE_FILE");
      file = env == null || env.isBlank() ? null : Path.of(env);
    }
    return file == null ? null : read(file);
  }

  static char[] read(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8);
      int nl = s.indexOf('\n');
      String line = (nl < 0 ? s : s.substring(0, nl)).replaceAll("\r$", "");
      if (line.isEmpty()) {
        throw new UserError(file + ": the passphrase file is empty");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the passphrase: " + e.getMessage(), e);
    }
  }

  /** Asks on the console; null when there is no console or the answer is empty. */
  static char[] prompt(String question) {
    Console c = System.console();
    if (c == null) {
      return null;
    }
    char[] p = c.readPassword("%s", question);
    return p == null || p.length == 0 ? null : p;
  }
}
