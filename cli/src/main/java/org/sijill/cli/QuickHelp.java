package org.sijill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Answers {@code sijill --help}, {@code -h}, {@code help}, {@code --version} and {@code -V} without
 * building the command model.
 *
 * <p>Why: picocli builds the model of every command and option by reflection before it can print
 * anything, and its class files (Java 5) are verified by the JVM's slow old verifier and cannot go
 * into a class-data-sharing archive; that alone took about 0.3–0.45 s of CPU, most of {@code
 * ./sijill --help} (issue 19). The build runs {@link #main} once (cli/pom.xml, phase
 * process-classes), which writes the root usage as picocli prints it, once plain and once with ANSI
 * styles, next to this class; at run time the right one is copied to standard output. {@code
 * StartUpTest} checks the written text is what picocli prints, so the two never drift.
 *
 * <p>Anything else, and any run with picocli's own system properties set (they change the width or
 * the styles), goes through picocli as before.
 */
public final class QuickHelp {

  static final String PLAIN = "usage-plain.txt";
  static final String ANSI = "usage-ansi.txt";

  private QuickHelp() {}

  /**
   * Prints the answer when {@code args} asks only for the root usage or the version.
   *
   * @return whether it answered (the caller then exits 0); false: let picocli handle {@code args}
   */
  static boolean answer(String[] args, PrintStream out) {
    if (args.length != 1
        || System.getProperty("picocli.usage.width") != null
        || System.getProperty("picocli.ansi") != null) {
      return false;
    }
    switch (args[0]) {
      case "-V", "--version" -> {
        for (String line : new Main.Version().getVersion()) {
          out.println(line);
        }
        out.flush();
        return true;
      }
      case "-h", "--help", "help" -> {
        // Ansi.AUTO decides as picocli would (terminal, NO_COLOR, CLICOLOR, ...): a small class.
        String text = resource(Ansi.AUTO.enabled() ? ANSI : PLAIN);
        if (text == null) {
          return false; // classes not built by Maven (an IDE): picocli answers
        }
        out.print(text); // in the stream's encoding, as picocli's own writer does
        out.flush();
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static String resource(String name) {
    try (InputStream in = QuickHelp.class.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** The root usage exactly as picocli prints it for {@code --help}. */
  static String usage(Ansi ansi) {
    CommandLine cl = Main.commandLine();
    return cl.getUsageMessage(ansi);
  }

  /** Build step: writes the two usage texts into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve(QuickHelp.class.getPackageName().replace('.', '/'));
    Files.createDirectories(dir);
    for (var kind : List.of(Ansi.OFF, Ansi.ON)) {
      String name = kind == Ansi.ON ? ANSI : PLAIN;
      Files.writeString(dir.resolve(name), usage(kind), StandardCharsets.UTF_8);
    }
  }
}
