package org.sijill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sijill.workflow.Custody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sijill vault proof}: prints the proof that an item is in the custody log. */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = "Inclusion proof of an item's acquisition entry against the latest checkpoint.")
final class VaultProof implements Callable<Integer> {
  @Mixin CaseAccess cli;

  @Parameters(paramLabel = "SHA256")
  String sha256;

  @Override
  public Integer call() {
    String sha = VaultCommand.sha256Arg(sha256);
    PrintWriter out = cli.out();
    Custody.Proof p;
    try (VaultSession s = VaultSession.open(cli.main())) {
      p = new Custody(s.vault).proof(sha);
    }
    out.println("sha256 " + p.sha256());
    out.println("log_index " + p.logIndex());
    out.println("entry " + p.entry());
    out.println("leaf_hash " + p.leafHash());
    out.println("tree_size " + p.treeSize());
    for (String h : p.path()) {
      out.println("path " + h);
    }
    out.println("root " + p.root());
    out.println("key " + p.key());
    out.println();
    out.print(p.checkpoint());
    out.flush();
    return 0;
  }
}
