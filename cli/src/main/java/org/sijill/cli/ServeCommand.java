package org.sijill.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.server.SijillServer;
import org.sijill.workflow.CountDemoCase;
import org.sijill.workflow.keys.DemoKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sijill serve}: the web app and REST API, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the web app and REST API (with --demo, a synthetic demo case).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--demo",
      description = "Load the clearly labelled synthetic demo case on first start.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    Main main = Main.root(spec);
    var err = spec.commandLine().getErr();
    err.println("opening the case file in " + main.dataDir().toAbsolutePath() + " …");
    err.flush();
    CaseFile caseFile = demo ? main.openCaseFileLocked() : main.openCaseFile();
    if (demo) {
      try {
        err.println(new DemoKeys(main.dataDir(), caseFile).unlock());
      } catch (RuntimeException e) {
        caseFile.close();
        throw e;
      }
      // Two steps, each done once: a start interrupted between them finishes the second.
      if (DemoCase.isLoaded(caseFile)) {
        err.println("the synthetic demo case is already loaded");
      } else {
        err.println("loading the synthetic demo case …");
        err.flush();
        err.println("loaded " + DemoCase.load(caseFile, DemoCase.DEFAULT_SEED));
      }
      var counted =
          new CountDemoCase(caseFile)
              .count(
                  (step, done, total) -> {
                    err.println("demo: " + step);
                    err.flush();
                  });
      if (counted.link() != null) {
        err.println(
            "linked the demo lists into "
                + counted.link().persons()
                + " persons"
                + (counted.estimate().report().recommended() == null
                    ? "; no usable estimate"
                    : "; estimated total "
                        + Math.round(counted.estimate().report().recommended().total())));
      }
      if (caseFile.evidence().count() == 0) {
        int items;
        try (var vault = org.sijill.workflow.EvidenceVault.open(main.dataDir(), caseFile)) {
          items = new org.sijill.workflow.DemoEvidence(vault).add(DemoCase.DEFAULT_SEED);
        }
        err.println("stored " + items + " synthetic evidence items in the vault");
      }
    }
    SijillServer server;
    try {
      server = SijillServer.start(caseFile, port);
    } catch (RuntimeException e) {
      caseFile.close();
      throw new UserError(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  caseFile.close();
                  stopped.countDown();
                }));
    spec.commandLine()
        .getOut()
        .println("Sijill is serving on http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
