package org.sijill.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.sijill.vault.Acquisition;
import org.sijill.vault.Checkpoint;
import org.sijill.vault.InclusionProof;
import org.sijill.vault.Ingested;
import org.sijill.vault.NoteVerifier;
import org.sijill.vault.PackageRejectedException;
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
    public Integer call() throws IOException {
      Main main = Main.root(spec);
      Instant when = MediaSeenCommand.parseTime(acquiredAt, "--acquired-at");
      List<String> problems = new ArrayList<>();
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          problems.add(f + ": not a readable file");
        } else if (!Files.isReadable(f)) {
          problems.add(f + ": permission denied");
        }
      }
      if (!problems.isEmpty()) {
        throw new UserError(String.join("\n", problems) + "\nnothing was stored");
      }
      Acquisition acq = new Acquisition(main.who(), when, source, url, note);
      PrintWriter out = spec.commandLine().getOut();
      try (VaultSession s = VaultSession.open(main)) {
        for (Path f : files) {
          Ingested in;
          try {
            in = s.vault.add(f, acq);
          } catch (IOException e) {
            throw new UserError(f + ": cannot store: " + e.getMessage(), e);
          }
          s.mirror();
          out.println(in.blob().sha256() + " " + in.logIndex() + " " + f);
          out.flush();
        }
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
    public Integer call() throws IOException {
      String url = tsa != null ? tsa : System.getenv("SIJILL_TSA");
      try (VaultSession s = VaultSession.open(Main.root(spec))) {
        spec.commandLine().getOut().print(s.vault.checkpoint());
        spec.commandLine().getOut().flush();
        if (url != null && !url.isBlank()) {
          java.net.URI uri;
          try {
            uri = java.net.URI.create(url);
          } catch (IllegalArgumentException e) {
            throw new UserError("--tsa: '" + url + "' is not a URL");
          }
          try {
            org.sijill.vault.Timestamps.Stamp st = s.vault.timestamp(uri);
            spec.commandLine()
                .getErr()
                .println("timestamped by " + st.authority() + " at " + st.time());
          } catch (IOException e) {
            throw new UserError("--tsa: " + e.getMessage() + " (the checkpoint itself is kept)", e);
          }
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
    public Integer call() throws IOException {
      String sha = sha256Arg(sha256);
      PrintWriter out = spec.commandLine().getOut();
      try (VaultSession s = VaultSession.open(Main.root(spec))) {
        long index =
            s.vault
                .acquisitionIndex(sha)
                .orElseThrow(() -> new UserError(sha + ": no such item in the vault"));
        InclusionProof p = s.vault.proof(index);
        Checkpoint cp = NoteVerifier.parse(s.vault.verifierKey()).verify(p.checkpoint());
        HexFormat hex = HexFormat.of();
        out.println("sha256 " + sha);
        out.println("log_index " + p.index());
        out.println("entry " + Base64.getEncoder().encodeToString(p.entry()));
        out.println("leaf_hash " + hex.formatHex(p.leafHash()));
        out.println("tree_size " + p.treeSize());
        for (byte[] h : p.path()) {
          out.println("path " + hex.formatHex(h));
        }
        out.println("root " + hex.formatHex(cp.root()));
        out.println("key " + s.vault.verifierKey());
        out.println();
        out.print(p.checkpoint());
        out.flush();
      }
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

    @Override
    public Integer call() throws IOException {
      Main main = Main.root(spec);
      if (Files.exists(out)) {
        throw new UserError(out + ": already exists; choose a new package name");
      }
      try (VaultSession s = VaultSession.open(main)) {
        List<String> items =
            incident == null
                ? s.records.items().stream().map(r -> r.claims().get("sha256")).toList()
                : s.records.itemsOfIncident(incident);
        if (items.isEmpty()) {
          throw new UserError(
              incident == null
                  ? "the vault holds no evidence to export"
                  : "incident " + incident + " has no linked evidence");
        }
        s.vault.export(out, items, main.who());
        s.mirror();
        spec.commandLine().getOut().printf("exported %d items to %s%n", items.size(), out);
        spec.commandLine().getOut().flush();
      }
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
    public Integer call() throws IOException {
      Main main = Main.root(spec);
      PrintWriter out = spec.commandLine().getOut();
      try (VaultSession s = VaultSession.open(main)) {
        List<Ingested> got;
        try {
          got = s.vault.importBag(pkg, main.who(), java.util.Optional.ofNullable(key));
        } catch (PackageRejectedException e) {
          throw new UserError(e.getMessage() + "; nothing was stored", e);
        } catch (org.sijill.vault.ProofException e) {
          throw new UserError("--key: " + e.getMessage() + "; nothing was stored", e);
        }
        s.mirror();
        for (Ingested in : got) {
          out.println(in.blob().sha256() + " " + in.logIndex() + " " + in.fileName());
        }
        out.flush();
      }
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
    public Integer call() throws IOException {
      Main main = Main.root(spec);
      String sha = sha256Arg(sha256);
      if (Files.exists(out)) {
        throw new UserError(out + ": already exists; choose a new file name");
      }
      try (VaultSession s = VaultSession.open(main)) {
        if (!s.vault.store().contains(sha)) {
          throw new UserError(sha + ": no such item in the vault");
        }
        Path temp;
        try {
          temp = Files.createTempFile(out.toAbsolutePath().getParent(), ".sijill-get-", ".part");
        } catch (IOException e) {
          throw new UserError(out + ": cannot write there: " + e.getMessage(), e);
        }
        try {
          String actual;
          try (var in = s.vault.store().open(sha).orElseThrow();
              var dst =
                  new java.security.DigestOutputStream(
                      Files.newOutputStream(temp),
                      java.security.MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(dst);
            actual = HexFormat.of().formatHex(dst.getMessageDigest().digest());
          } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
          if (!actual.equals(sha)) {
            throw new UserError(
                sha + ": the stored bytes hash to " + actual + "; run `sijill vault verify`");
          }
          java.util.Map<String, String> details = new java.util.TreeMap<>();
          details.put("how", "copied out");
          if (reason != null && !reason.isBlank()) {
            details.put("reason", reason.strip());
          }
          long index = s.vault.record(org.sijill.vault.EventType.VIEWED, sha, main.who(), details);
          s.mirror();
          Files.move(temp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          spec.commandLine().getOut().println(sha + " " + index + " " + out);
          spec.commandLine().getOut().flush();
        } finally {
          Files.deleteIfExists(temp);
        }
      }
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
    public Integer call() throws IOException {
      Main main = Main.root(spec);
      String sha = sha256Arg(sha256);
      if (note.isBlank()) {
        throw new UserError("NOTE: empty; nothing was logged");
      }
      try (VaultSession s = VaultSession.open(main)) {
        if (!s.vault.store().contains(sha)) {
          throw new UserError(sha + ": no such item in the vault");
        }
        long index =
            s.vault.record(
                org.sijill.vault.EventType.ANNOTATED,
                sha,
                main.who(),
                java.util.Map.of("note", note.strip()));
        s.mirror();
        spec.commandLine().getOut().println(sha + " " + index);
        spec.commandLine().getOut().flush();
      }
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
    public Integer call() throws IOException {
      String sha = sha256Arg(sha256);
      PrintWriter out = spec.commandLine().getOut();
      try (VaultSession s = VaultSession.open(Main.root(spec))) {
        int n = 0;
        for (org.sijill.vault.CustodyEvent e : s.vault.events()) {
          if (e.sha256().equals(sha)) {
            StringBuilder line =
                new StringBuilder()
                    .append(e.seq())
                    .append('\t')
                    .append(e.at())
                    .append('\t')
                    .append(e.type().wireName())
                    .append('\t')
                    .append(e.actor());
            e.details().forEach((k, v) -> line.append('\t').append(k).append('=').append(v));
            out.println(line);
            n++;
          }
        }
        if (n == 0) {
          throw new UserError(sha + ": no such item in the vault");
        }
        out.flush();
      }
      return 0;
    }
  }
}
