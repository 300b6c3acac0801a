package org.sijill.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sijill.casefile.CaseFile;
import org.sijill.casefile.demo.DemoCase;
import org.sijill.casefile.model.Enums.Role;
import org.sijill.server.ServerOptions;
import org.sijill.server.SijillServer;
import org.sijill.workflow.CountDemoCase;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.accounts.Secrets;
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
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address"
              + " needs --tls-cert/--tls-key or --behind-proxy.")
  String host;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "Its private key (PEM).")
  Path tlsKey;

  @Option(
      names = "--behind-proxy",
      paramLabel = "URL",
      description =
          "The public https:// address of the reverse proxy that serves this server (it"
              + " terminates TLS); requests must name its host.")
  URI behindProxy;

  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description = "Another host name requests may use (repeatable), e.g. the certificate's.")
  List<String> serverNames;

  @Option(
      names = "--demo",
      description =
          "Load the clearly labelled synthetic demo case on first start; anyone may read it"
              + " without logging in. Refused on a real case.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    Main main = Main.root(spec);
    var err = spec.commandLine().getErr();
    err.println("opening the case file in " + main.dataDir().toAbsolutePath() + " …");
    err.flush();
    ServerOptions options;
    try {
      options = new ServerOptions(host, port, tlsCert, tlsKey, behindProxy, serverNames, demo);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    CaseFile caseFile = demo ? main.openCaseFileLocked() : main.openCaseFile();
    if (demo && !DemoCase.isLoaded(caseFile) && caseFile.sources().all().size() > 0) {
      caseFile.close();
      throw new UserError(
          main.dataDir()
              + " holds a real case: --demo would let anyone read it. Use another --data"
              + " folder for the demo.");
    }
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
      // The desk's part, through the desk's own use cases (every step in the custody log): done
      // once, after the evidence.
      new org.sijill.workflow.DemoDesk(main.dataDir(), caseFile)
          .add()
          .ifPresent(
              r ->
                  err.println(
                      "recorded the demo's verification records (item "
                          + r.repostId()
                          + " finalised as misattributed), attributions of incident "
                          + r.incidentId()
                          + " and a public claim"));
    }
    Accounts accounts = Accounts.over(caseFile);
    if (demo) {
      demoAccounts(accounts, err);
    }
    SijillServer server;
    try {
      server = SijillServer.start(caseFile, options, accounts, main.dataDir());
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
    var out = spec.commandLine().getOut();
    out.println("Sijill is serving on " + server.address() + " (Ctrl-C to stop)");
    if (server.anonymousReads()) {
      out.println(
          "DEMO MODE: anyone who can reach this address may read the synthetic demo case without"
              + " logging in; writing needs one of the demo accounts above.");
    }
    server
        .setupLink()
        .ifPresent(
            link ->
                out.println(
                    "This case has no users yet. Create the first administrator (the link works"
                        + " once): "
                        + link));
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * One account per role for the demo, each with a fresh random password printed on this console
   * (never a published one: a demo reachable on a network must not hand out admin rights).
   */
  private static void demoAccounts(Accounts accounts, java.io.PrintWriter err) {
    err.println("demo accounts (passwords are new at every start):");
    for (Role role : Role.values()) {
      String name = "demo-" + role.db();
      String password = Secrets.random().substring(0, 16);
      if (accounts.list().user(name).isPresent()) {
        accounts.changeUser().password(name, password, "demo");
      } else {
        accounts.addUser().add(name, "Demo " + role.db(), role, password, "demo");
      }
      err.println("  " + name + "  " + password + "  (" + role.db() + ")");
    }
    err.flush();
  }
}
