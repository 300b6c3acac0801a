package org.sijill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * picocli's classes as the build rewrites them for the AppCDS archive: Java 8 class files that the
 * JVM verifies with their new stack map frames (every other test of this module runs picocli as
 * rewritten).
 */
class CdsReadyClassesTest {

  @Test
  void theBuildsPicocliClassesAreJava8AndPicocliJarsAreJava5() throws Exception {
    List<URL> found =
        Collections.list(getClass().getClassLoader().getResources("picocli/CommandLine.class"));
    assertThat(found).hasSizeGreaterThanOrEqualTo(2);
    // target/classes comes first on the class path, as the shaded jar takes it (cli/pom.xml)
    assertThat(found.get(0).getProtocol()).isEqualTo("file");
    assertThat(CdsReadyClasses.version(read(found.get(0)))).isEqualTo(52);
    URL jar = found.stream().filter(u -> u.getProtocol().equals("jar")).findFirst().orElseThrow();
    assertThat(CdsReadyClasses.version(read(jar))).isLessThan(CdsReadyClasses.JAVA_6);
  }

  @Test
  void rewrittenPicocliVerifies() throws Exception {
    URL jar =
        Collections.list(getClass().getClassLoader().getResources("picocli/CommandLine.class"))
            .stream()
            .filter(u -> u.getProtocol().equals("jar"))
            .findFirst()
            .orElseThrow();
    Map<String, byte[]> rewritten = new HashMap<>();
    try (JarFile jf = ((JarURLConnection) jar.openConnection()).getJarFile()) {
      for (JarEntry e : Collections.list(jf.entries())) {
        if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
          byte[] old;
          try (InputStream in = jf.getInputStream(e)) {
            old = in.readAllBytes();
          }
          byte[] now = CdsReadyClasses.rewrite(old);
          assertThat(CdsReadyClasses.version(now)).isEqualTo(52);
          String name = e.getName().replace('/', '.').substring(0, e.getName().length() - 6);
          rewritten.put(name, now);
        }
      }
    }
    assertThat(rewritten).hasSizeGreaterThan(100);
    ClassLoader loader =
        new ClassLoader(null) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = rewritten.get(name);
            if (b == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
          }
        };
    List<String> names = new ArrayList<>(rewritten.keySet());
    Collections.sort(names);
    for (String name : names) {
      // initialising links the class: the split verifier checks it with its new frames
      Class<?> c = Class.forName(name, true, loader);
      assertThat(c.getClassLoader()).isSameAs(loader);
    }
    // every other test of this module runs on the rewritten classes (the first test)
  }

  private static byte[] read(URL u) throws IOException {
    try (InputStream in = u.openStream()) {
      return in.readAllBytes();
    }
  }
}
