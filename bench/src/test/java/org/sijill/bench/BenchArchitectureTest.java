package org.sijill.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks measure the libraries as a caller sees them, so they obey the rule cli's
 * ArchitectureTest checks for every other module (bench is not on cli's classpath): nothing outside
 * a library depends on its {@code internal} packages.
 */
class BenchArchitectureTest {
  @Test
  void benchmarksUseNoLibraryInternals() {
    JavaClasses bench =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sijill.bench");
    for (String library : List.of("linkage", "estimate", "media", "vault")) {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.sijill." + library + "..internal..")
          .because("a benchmark measures " + library + " through its public packages")
          .check(bench);
    }
  }
}
