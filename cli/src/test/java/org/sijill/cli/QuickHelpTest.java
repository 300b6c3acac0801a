package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The usage text {@code --help} prints without picocli is the one picocli prints. */
class QuickHelpTest {

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
}
