package org.sijill.cli;

import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sijill vault checkpoint}: prints a signed checkpoint of the custody log. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = "Sign and print the current log head (a C2SP signed note: origin, size, root).")
final class VaultCheckpoint implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Option(
      names = "--tsa",
      paramLabel = "URL",
      description =
          "Also get an RFC 3161 timestamp of the checkpoint from this timestamp authority"
              + " (default: $SIJILL_TSA; none when unset, as Sijill works offline).")
  String tsa;

  @Override
  public Integer call() {
    String url = tsa != null ? tsa : System.getenv("SIJILL_TSA");
    try (VaultSession s = VaultSession.open(cli.main())) {
      Custody custody = new Custody(s.vault);
      cli.out().print(custody.checkpoint());
      cli.out().flush();
      if (url != null && !url.isBlank()) {
        java.net.URI uri;
        try {
          uri = java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
          throw new UserError("--tsa: '" + url + "' is not a URL");
        }
        Custody.Stamp st = custody.timestamp(uri);
        cli.spec
            .commandLine()
            .getErr()
            .println("timestamped by " + st.authority() + " at " + st.time());
      }
    }
    return 0;
  }
}
