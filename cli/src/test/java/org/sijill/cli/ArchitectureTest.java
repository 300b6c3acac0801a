package org.sijill.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: libraries ← casefile ← workflow ← server/cli, and the two adapters
 * only translate (no storage, no engine of their own).
 */
class ArchitectureTest {
  static final JavaClasses SIJILL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sijill");

  /** The libraries whose {@code internal} packages are machinery, not API. */
  static final java.util.List<String> LIBRARIES =
      java.util.List.of("linkage", "estimate", "media", "vault");

  @Test
  void nothingOutsideALibraryUsesItsInternals() {
    for (String library : LIBRARIES) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.sijill." + library + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.sijill." + library + "..internal..")
          .because(library + "'s internal packages may change without notice; use its root package")
          .check(SIJILL);
    }
  }

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

  @Test
  void adaptersTouchNoStorageDirectly() {
    noClasses()
        .that()
        .resideInAnyPackage("org.sijill.cli..", "org.sijill.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.jdbi..",
            "java.sql..",
            "javax.sql..",
            "org.sijill.vault..",
            "org.sijill.casefile.internal..")
        .because("the CLI and the web app only translate: storage is reached through workflow")
        .check(SIJILL);
  }

  @Test
  void adaptersRunNoEngineThemselves() {
    noClasses()
        .that()
        .resideInAnyPackage("org.sijill.cli..", "org.sijill.server..")
        .should()
        .callCodeUnitWhere(
            DescribedPredicate.describe(
                "a method or constructor of a library class that is not a value (record or enum);"
                    + " calls through an interface are on values a workflow handed out",
                call -> {
                  JavaClass owner = call.getTargetOwner();
                  return owner
                          .getPackageName()
                          .matches("org\\.sijill\\.(linkage|estimate|media|vault)(\\..*)?")
                      && !owner.isRecord()
                      && !owner.isInterface()
                      && !owner.isEnum()
                      && !(owner.getEnclosingClass().map(JavaClass::isEnum).orElse(false));
                }))
        .because("linking, estimating and fingerprinting are use cases of org.sijill.workflow")
        .check(SIJILL);
  }

  @Test
  void onlyTheCaseFileUsesJdbi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.sijill.casefile..")
        .should()
        .callMethod(org.sijill.casefile.CaseFile.class, "jdbi")
        .because("SQL lives only in casefile")
        .check(SIJILL);
  }
}
