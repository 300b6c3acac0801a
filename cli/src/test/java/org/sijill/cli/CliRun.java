package org.sijill.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code sijill} command: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

  /** Runs {@code sijill ARGS…} in this JVM, capturing stdout and stderr. */
  static CliRun run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code sijill ARGS…} with {@code stdin} as standard input (a piped password). */
  static synchronized CliRun runWithStdin(String stdin, String... args) {
    java.io.InputStream saved = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** Adds a user to the case of a data folder (for --as); fails the test if it cannot. */
  static void addUser(java.nio.file.Path data, String name, String role) {
    CliRun r =
        runWithStdin(
            "a synthetic password\n",
            "--data",
            data.toString(),
            "user",
            "add",
            name,
            "--role",
            role,
            "--password-stdin");
    if (r.code() != 0) {
      throw new IllegalStateException("user add " + name + ": " + r.err());
    }
  }
}
