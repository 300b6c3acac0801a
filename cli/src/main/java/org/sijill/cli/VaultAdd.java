package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.workflow.EarlierCopy;
import org.sijill.workflow.IngestEvidence;
import org.sijill.workflow.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sijill vault add}: stores files as evidence, each acquisition a custody-log entry. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = "Store files as evidence; prints <sha256> <log index> <file> for each.")
final class VaultAdd implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Mixin Acquisition acquired;

  @Option(names = "--note", paramLabel = "N", description = "A note kept with each item.")
  String note;

  @Option(names = "--url", paramLabel = "URL", description = "Address the files were taken from.")
  String url;

  @Override
  public Integer call() {
    Main main = cli.main();
    Provenance p = new Provenance(main.who(), acquired.when(), acquired.source, url, note);
    PrintWriter out = cli.out();
    PrintWriter err = cli.err();
    IngestEvidence.Batch batch;
    try (VaultSession s = VaultSession.open(main)) {
      batch = new IngestEvidence(s.vault, ProgressOnStderr.on(err, "vault add")).ingest(files, p);
    }
    int failed = 0;
    for (IngestEvidence.FileOutcome f : batch.files()) {
      if (!f.stored()) {
        failed++;
        err.println(f.file() + ": " + f.problem() + " (not stored)");
        continue;
      }
      out.println(f.sha256() + " " + f.logIndex() + " " + f.file());
      if (!f.newContent()) {
        err.println(f.file() + ": already in the vault; this acquisition is logged");
      } else if (f.fingerprint() != null && !f.fingerprint().fingerprinted()) {
        err.println(f.file() + ": " + f.fingerprint().describe() + " (stored and logged)");
      }
      for (EarlierCopy c : f.earlier()) {
        err.println(
            f.file()
                + ": matches earlier item "
                + c.key()
                + " ("
                + c.comparison().verdict().label()
                + ", distance "
                + c.comparison().bestDistance()
                + " of 256 bits, acquired "
                + c.acquiredAt()
                + "): see media seen");
      }
    }
    out.flush();
    if (failed > 0) {
      throw new UserError(
          failed == files.size()
              ? "nothing was stored"
              : failed + " of " + files.size() + " files were not stored; the others were");
    }
    return 0;
  }
}
