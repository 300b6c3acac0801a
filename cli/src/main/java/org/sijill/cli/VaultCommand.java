package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.workflow.Custody;
import org.sijill.workflow.EarlierCopy;
import org.sijill.workflow.EvidenceVault;
import org.sijill.workflow.ExportEvidence;
import org.sijill.workflow.IngestEvidence;
import org.sijill.workflow.Provenance;
import org.sijill.workflow.accounts.Accounts;
import org.sijill.workflow.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sijill vault …}: keep original evidence and prove its chain of custody. */
@Command(
    name = "vault",
    mixinStandardHelpOptions = true,
    description = "Evidence vault: store originals, log their custody, prove and package them.",
    subcommands = {
      VaultCommand.Add.class,
      VaultVerifyCommand.class,
      VaultCommand.CheckpointCmd.class,
      VaultCommand.Proof.class,
      VaultCommand.Export.class,
      VaultCommand.Import.class,
      VaultCommand.Get.class,
      VaultCommand.Annotate.class,
      VaultCommand.History.class
    })
final class VaultCommand {

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Store files as evidence; prints <sha256> <log index> <file> for each.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--source", paramLabel = "S", description = "Where the files came from.")
    String source;

    @Option(names = "--note", paramLabel = "N", description = "A note kept with each item.")
    String note;

    @Option(names = "--url", paramLabel = "URL", description = "Address the files were taken from.")
    String url;

    @Option(
        names = "--acquired-at",
        paramLabel = "TIME",
        description = "When they were obtained (ISO instant or date; default: now).")
    String acquiredAt;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      Provenance p =
          new Provenance(
              main.who(),
              MediaSeenCommand.parseTime(acquiredAt, "--acquired-at"),
              source,
              url,
              note);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      IngestEvidence.Batch batch;
      try (Session s = Session.open(main)) {
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

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = "Sign and print the current log head (a C2SP signed note: origin, size, root).")
  static final class CheckpointCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

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
      try (Session s = Session.open(Main.root(spec))) {
        Custody custody = new Custody(s.vault);
        spec.commandLine().getOut().print(custody.checkpoint());
        spec.commandLine().getOut().flush();
        if (url != null && !url.isBlank()) {
          java.net.URI uri;
          try {
            uri = java.net.URI.create(url);
          } catch (IllegalArgumentException e) {
            throw new UserError("--tsa: '" + url + "' is not a URL");
          }
          Custody.Stamp st = custody.timestamp(uri);
          spec.commandLine()
              .getErr()
              .println("timestamped by " + st.authority() + " at " + st.time());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "proof",
      mixinStandardHelpOptions = true,
      description = "Inclusion proof of an item's acquisition entry against the latest checkpoint.")
  static final class Proof implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SHA256")
    String sha256;

    @Override
    public Integer call() {
      String sha = sha256Arg(sha256);
      PrintWriter out = spec.commandLine().getOut();
      Custody.Proof p;
      try (Session s = Session.open(Main.root(spec))) {
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

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write a BagIt package (directory, or .zip) with manifests, custody and proofs.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "PKG", description = "New package.")
    Path out;

    @Option(
        names = "--case",
        paramLabel = "C",
        description = "Only the evidence linked to incident C (default: every item).")
    Long incident;

    @Option(
        names = "--redact",
        description =
            "A package for partners or the public: sources by stable pseudonyms (public ones by"
                + " name), no addresses, notes or GPS/Artist/serials; originals that may carry"
                + " such tags withheld, listed by hash in redaction.txt.")
    boolean redact;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      ExportEvidence.Result r;
      try (Session s = Session.open(main)) {
        String who = main.who();
        if (!redact && !Accounts.over(s.caseFile).resolveActor().isAdmin(who)) {
          new AuditTrail(s.caseFile)
              .export(who, "full refused", null, null, "not an administrator");
          throw new UserError(
              "the full (unredacted) package needs an administrator: give --as ADMIN_USER, or"
                  + " --redact for a package for partners");
        }
        r = new ExportEvidence(s.vault).export(out, incident, who, redact);
      }
      spec.commandLine()
          .getOut()
          .printf("exported %d items to %s%s%n", r.items(), r.out(), redact ? " (redacted)" : "");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Verify an evidence package completely, then store its items.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

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
      Main main = Main.root(spec);
      PrintWriter out = spec.commandLine().getOut();
      List<Custody.Imported> got;
      try (Session s = Session.open(main)) {
        got = new Custody(s.vault).importPackage(pkg, main.who(), key);
      }
      for (Custody.Imported in : got) {
        out.println(in.sha256() + " " + in.logIndex() + " " + in.fileName());
      }
      out.flush();
      return 0;
    }
  }

  /** A SHA-256 given on the command line, checked and lower-cased. */
  static String sha256Arg(String given) {
    String sha = given.strip().toLowerCase(java.util.Locale.ROOT);
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new UserError(given + ": not a SHA-256 (64 hex digits)");
    }
    return sha;
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description =
          "Copy an item's original bytes to a new file, checking its hash on the way;"
              + " the custody log records who viewed it.")
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SHA256")
    String sha256;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "New file.")
    Path out;

    @Option(names = "--reason", paramLabel = "R", description = "Why it is viewed (logged).")
    String reason;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      String sha = sha256Arg(sha256);
      long index;
      try (Session s = Session.open(main)) {
        index = new Custody(s.vault).copyOut(sha, out, reason, main.who());
      }
      spec.commandLine().getOut().println(sha + " " + index + " " + out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "annotate",
      mixinStandardHelpOptions = true,
      description = "Add a note to an item's custody log (the original is never changed).")
  static final class Annotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHA256")
    String sha256;

    @Parameters(index = "1", paramLabel = "NOTE")
    String note;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      String sha = sha256Arg(sha256);
      long index;
      try (Session s = Session.open(main)) {
        index = new Custody(s.vault).annotate(sha, note, main.who());
      }
      spec.commandLine().getOut().println(sha + " " + index);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description =
          "Print an item's chain of custody from the log: index, time, event, who, details.")
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SHA256")
    String sha256;

    @Override
    public Integer call() {
      String sha = sha256Arg(sha256);
      PrintWriter out = spec.commandLine().getOut();
      List<Custody.Entry> entries;
      try (Session s = Session.open(Main.root(spec))) {
        entries = new Custody(s.vault).history(sha);
      }
      for (Custody.Entry e : entries) {
        StringBuilder line =
            new StringBuilder()
                .append(e.index())
                .append('\t')
                .append(e.at())
                .append('\t')
                .append(e.type())
                .append('\t')
                .append(e.actor());
        e.details().forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
        out.println(line);
      }
      out.flush();
      return 0;
    }
  }

  /** The case file and the vault of the data directory in force, open together. */
  static final class Session implements AutoCloseable {
    final CaseFile caseFile;
    final EvidenceVault vault;

    private Session(CaseFile caseFile, EvidenceVault vault) {
      this.caseFile = caseFile;
      this.vault = vault;
    }

    static Session open(Main main) {
      CaseFile cf = main.openCaseFile();
      try {
        return new Session(cf, EvidenceVault.open(main.dataDir(), cf));
      } catch (RuntimeException e) {
        cf.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        vault.close();
      } finally {
        caseFile.close();
      }
    }
  }
}
