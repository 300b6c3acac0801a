package org.sijill.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: libraries ← casefile ← server/cli. */
class ArchitectureTest {
  static final JavaClasses SIJILL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sijill");

  @Test
  void librariesDependOnNoApplicationModule() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sijill.linkage..",
            "org.sijill.estimate..",
            "org.sijill.media..",
            "org.sijill.vault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sijill.casefile..", "org.sijill.server..", "org.sijill.cli..")
        .check(SIJILL);
  }

  @Test
  void librariesUseNoFramework() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.sijill.linkage..",
            "org.sijill.estimate..",
            "org.sijill.media..",
            "org.sijill.vault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "picocli..", "org.jdbi..", "gg.jte..")
        .check(SIJILL);
  }

  @Test
  void theCaseFileDoesNotKnowTheServerOrTheCli() {
    noClasses()
        .that()
        .resideInAPackage("org.sijill.casefile..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sijill.server..", "org.sijill.cli..")
        .check(SIJILL);
  }
}
