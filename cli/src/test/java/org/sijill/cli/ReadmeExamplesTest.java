package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each library's README opens with a short example; this test compiles that first {@code java}
 * block against the library as built, so an API change that breaks the example breaks the build.
 * The block becomes the body of a method that may throw, with only {@code java.io}, {@code
 * java.nio.file}, {@code java.util} and the library's root package imported: the example must need
 * nothing else (the root package is the front door). It lives here because cli's tests see all four
 * libraries; the example is compiled, not run (it names files a reader would supply).
 */
class ReadmeExamplesTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path classes;

  @ParameterizedTest
  @ValueSource(strings = {"linkage", "estimate", "media", "vault"})
  void theReadmeOpensWithAShortExampleThatCompilesAgainstTheRootPackage(String library)
      throws IOException {
    Path readme = Path.of("..", library, "README.md");
    String text = Files.readString(readme);
    Matcher m = JAVA_BLOCK.matcher(text);
    assertThat(m.find()).as("%s has a ```java block", readme).isTrue();
    int firstSection = text.indexOf("\n## ");
    assertThat(firstSection < 0 || m.start() < firstSection)
        .as("%s shows its example before its first section", readme)
        .isTrue();
    String example = m.group(1);
    assertThat(example.lines().filter(l -> !l.isBlank()).count())
        .as("%s's example is short", readme)
        .isBetween(3L, 15L);
    assertThat(example).as("%s's example names no package", readme).doesNotContain("org.sijill");

    String source =
        "package readme;\n"
            + "import java.io.*;\nimport java.nio.file.*;\nimport java.util.*;\n"
            + "import org.sijill."
            + library
            + ".*;\n"
            + "class Example {\n  static void example() throws Exception {\n"
            + example
            + "\n  }\n}\n";
    assertThat(compile(source)).as("%s's example compiles:%n%s", readme, source).isEmpty();
    assertThat(classes.resolve("readme/Example.class")).exists();
  }

  /** The compiler's errors for {@code source}, compiled against this test's class path. */
  private List<String> compile(String source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("tests run on a JDK").isNotNull();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///readme/Example.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (var files = javac.getStandardFileManager(diagnostics, null, null)) {
      javac
          .getTask(
              null,
              files,
              diagnostics,
              List.of("-proc:none", "-d", classes.toString(), "-classpath", classPath),
              null,
              List.of(file))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
        .toList();
  }
}
