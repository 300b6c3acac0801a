package org.sijill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * Picocli mixin for {@code --password-stdin}: a password is piped in, never typed on the command
 * line where the shell history and the process list would keep it. Required wherever it is mixed
 * in, so a command that sets a password cannot run without one.
 */
final class PasswordStdin {
  @Option(
      names = "--password-stdin",
      required = true,
      description = "Read the password from the first line of standard input.")
  boolean given;

  /** The first line of stdin; refused when there is none. */
  String read() {
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = r.readLine();
      if (line == null || line.isEmpty()) {
        throw new UserError("--password-stdin: no password on standard input");
      }
      return line;
    } catch (IOException e) {
      throw new UserError("--password-stdin: cannot read standard input: " + e.getMessage(), e);
    }
  }
}
