package org.sijill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step, not part of a run: rewrites class files older than Java 6 as Java 8 class files,
 * with the stack map frames ASM computes, so that the launcher's AppCDS archive can hold them. The
 * JVM leaves classes of version 49 and below out of every archive ("Pre JDK 6 class not supported
 * by CDS"), and picocli is compiled for Java 5: its ~175 classes were read from the jar, parsed and
 * verified (by the old type-inferring verifier) at every start of {@code sijill link}, about 0.05 s
 * of CPU of a FEBRL run (issue 19). The code is the same; only the version and the frames change.
 *
 * <p>{@code CdsReadyClasses DIR PACKAGE_DIR...}: every class file under {@code DIR/PACKAGE_DIR}
 * older than version 50; class files already newer are left as they are.
 */
public final class CdsReadyClasses {

  static final int JAVA_6 = 50;

  private CdsReadyClasses() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int rewritten = 0;
    for (String pkg : List.of(args).subList(1, args.length)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(dir.resolve(pkg))) {
        files = s.filter(p -> p.toString().endsWith(".class")).toList();
      }
      for (Path f : files) {
        byte[] old = Files.readAllBytes(f);
        if (version(old) < JAVA_6) {
          Files.write(f, rewrite(old));
          rewritten++;
        }
      }
    }
    System.out.println("CdsReadyClasses: " + rewritten + " class files rewritten as Java 8");
  }

  /** The major version of a class file. */
  static int version(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /** The class as a Java 8 class file with stack map frames. */
  static byte[] rewrite(byte[] classFile) {
    ClassReader r = new ClassReader(classFile);
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    r.accept(
        new ClassVisitor(Opcodes.ASM9, w) {
          @Override
          public void visit(
              int version,
              int access,
              String name,
              String signature,
              String superName,
              String[] interfaces) {
            super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
          }
        },
        ClassReader.SKIP_FRAMES);
    return w.toByteArray();
  }
}
