package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The start-up shortcuts change nothing a user sees: the usage text {@code --help} prints without
 * picocli is the one picocli prints, and a run that builds the model of its command only gets the
 * same model.
 */
class StartUpTest {

  private static String quick(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(QuickHelp.answer(args, out)).as("answered %s", (Object) args).isTrue();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help", "--version", "-V"})
  void answersAsPicocliDoes(String arg) {
    CliRun picocli = CliRun.run(arg);
    assertThat(picocli.code()).isZero();
    assertThat(quick(arg)).isEqualTo(picocli.out()).isNotBlank();
  }

  @Test
  void theStyledTextIsPicocliStyledUsage() {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.ON));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("\u001B[");
    assertThat(QuickHelp.usage(Ansi.ON)).isEqualTo(out.toString());
    // The text the build wrote, as shipped in the jar.
    assertThat(resource(QuickHelp.ANSI)).isEqualTo(out.toString());
    assertThat(resource(QuickHelp.PLAIN)).isEqualTo(CliRun.run("--help").out());
  }

  @Test
  void leavesEverythingElseToPicocli() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(QuickHelp.answer(new String[] {}, out)).isFalse();
    assertThat(QuickHelp.answer(new String[] {"link", "--help"}, out)).isFalse();
    assertThat(QuickHelp.answer(new String[] {"--help", "link"}, out)).isFalse();
    assertThat(QuickHelp.answer(new String[] {"help", "link"}, out)).isFalse();
    assertThat(QuickHelp.answer(new String[] {"serve"}, out)).isFalse();
  }

  private static String resource(String name) {
    try (var in = QuickHelp.class.getResourceAsStream(name)) {
      assertThat(in).as("%s written by the build (cli/pom.xml)", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRunBuildsTheModelOfItsCommandOnlyAndTheSameModel() {
    CommandLine full = Main.commandLine();
    for (var e : full.getSubcommands().entrySet()) {
      String name = e.getKey();
      if (name.equals("help")) {
        continue;
      }
      for (String[] args :
          List.of(
              new String[] {name, "--help"},
              new String[] {"--data", "d", name},
              new String[] {"--data=d", "--as", "x", name, "--data", "e"})) {
        CommandLine one = Main.commandLineFor(args);
        assertThat(one.getSubcommands().keySet()).as("%s", List.of(args)).containsExactly(name);
        assertThat(one.getSubcommands().get(name).getUsageMessage(Ansi.OFF))
            .as("usage of %s", name)
            .isEqualTo(e.getValue().getUsageMessage(Ansi.OFF));
      }
    }
    assertThat(Main.commandLineFor(new String[] {"help", "link"}).getSubcommands())
        .hasSameSizeAs(full.getSubcommands());
    assertThat(Main.commandLineFor(new String[] {"lnk"}).getSubcommands())
        .hasSameSizeAs(full.getSubcommands());
    assertThat(Main.commandLineFor(new String[] {"--nope", "link"}).getSubcommands())
        .hasSameSizeAs(full.getSubcommands());
  }

  @Test
  void aRunOfOneCommandReportsErrorsAsBefore() {
    CommandLine one = Main.commandLineFor(new String[] {"link", "--no-such-option"});
    StringWriter err = new StringWriter();
    one.setErr(new PrintWriter(err));
    one.setOut(new PrintWriter(new StringWriter()));
    int code = one.execute("link", "--no-such-option");
    CliRun full = CliRun.run("link", "--no-such-option");
    assertThat(code).isEqualTo(full.code()).isNotZero();
    assertThat(err.toString()).isEqualTo(full.err());
    assertThat(one.getSubcommands().get("link").getExecutionExceptionHandler())
        .isInstanceOf(Errors.class);
  }
}
