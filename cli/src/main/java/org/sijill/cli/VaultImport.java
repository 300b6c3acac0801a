package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sijill vault import}: takes in a package another vault exported. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Verify an evidence package completely, then store its items.")
final class VaultImport implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(paramLabel = "PKG")
  Path pkg;

  @Option(
      names = "--key",
      paramLabel = "VKEY",
      description =
          "Refuse the package unless its checkpoint is signed by this verifier key"
              + " (name+id+key, as published by the sender).")
  String key;

  @Override
  public Integer call() {
    Main main = cli.main();
    PrintWriter out = cli.out();
    List<Custody.Imported> got;
    try (VaultSession s = VaultSession.open(main)) {
      got = new Custody(s.vault).importPackage(pkg, main.who(), key);
    }
    for (Custody.Imported in : got) {
      out.println(in.sha256() + " " + in.logIndex() + " " + in.fileName());
    }
    out.flush();
    return 0;
  }
}
