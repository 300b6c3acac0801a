package org.sijill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sijill.casefile.CaseFile;
import org.sijill.media.Comparison;
import org.sijill.media.Fingerprint;
import org.sijill.media.FrameHash;
import org.sijill.media.ImageFingerprint;
import org.sijill.media.MatchRange;
import org.sijill.media.VideoFingerprint;
import org.sijill.workflow.Backfill;
import org.sijill.workflow.CompareMedia;
import org.sijill.workflow.EarlierCopy;
import org.sijill.workflow.EvidenceException;
import org.sijill.workflow.EvidenceVault;
import org.sijill.workflow.IndexFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sijill media}: perceptual fingerprints of images and videos, and "seen before?". */
@Command(
    name = "media",
    mixinStandardHelpOptions = true,
    description = "Perceptual fingerprints (PDQ, vPDQ): hash, compare, find earlier copies.",
    subcommands = {
      MediaCommand.Hash.class,
      MediaCommand.Compare.class,
      MediaSeenCommand.class,
      MediaCommand.Index.class
    })
final class MediaCommand {

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  @Command(
      name = "hash",
      mixinStandardHelpOptions = true,
      description = {
        "PDQ hash of each file: <64 hex> <quality 0-100> <file> per image,",
        "<hex> <quality> <file>@<seconds> per sampled frame of a video.",
        "Quality below 50 means the hash is unreliable (said on stderr)."
      })
  static final class Hash implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CompareMedia fp = new CompareMedia();
      List<String> problems = new ArrayList<>();
      for (Path f : files) {
        Fingerprint p;
        try {
          p = fp.fingerprint(f);
        } catch (EvidenceException e) {
          problems.add(e.getMessage());
          continue;
        }
        if (p instanceof ImageFingerprint img) {
          out.println(img.image().hash().hex() + " " + img.image().quality() + " " + f);
          if (!img.image().reliable()) {
            err.println(f + ": quality " + img.image().quality() + " is below 50: unreliable");
          }
        } else if (p instanceof VideoFingerprint v) {
          for (FrameHash h : v.frames()) {
            out.println(h.hash().hex() + " " + h.quality() + " " + f + "@" + seconds(h.seconds()));
          }
          if (v.droppedLowQuality() > 0) {
            err.println(
                f + ": " + v.droppedLowQuality() + " sampled frames below quality 50 left out");
          }
        }
        out.flush();
      }
      if (!problems.isEmpty()) {
        throw new UserError(String.join("\n", problems));
      }
      return 0;
    }
  }

  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Compare two images or videos: verdict (same / near-duplicate / different),",
        "similarity, and for video the time ranges found in both."
      })
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A")
    Path a;

    @Parameters(index = "1", paramLabel = "B")
    Path b;

    @Override
    public Integer call() {
      CompareMedia.Compared r = new CompareMedia().compare(a, b);
      PrintWriter out = spec.commandLine().getOut();
      out.println("verdict: " + r.comparison().verdict().label());
      describe(out, r.comparison(), r.a(), r.b(), "A", "B");
      out.flush();
      return 0;
    }
  }

  /** Similarity, shares, ranges and notes of a comparison, one "key: value" line each. */
  static void describe(
      PrintWriter out, Comparison c, Fingerprint fa, Fingerprint fb, String an, String bn) {
    boolean video = fa instanceof VideoFingerprint || fb instanceof VideoFingerprint;
    if (!video) {
      out.printf(
          Locale.ROOT,
          "similarity: %.2f%n"
              + "distance: %d of 256 bits, closest rotation or mirror image"
              + " (match <= 31; unrelated pictures ~128)%n",
          Math.max(0, 1 - c.bestDistance() / 128.0),
          c.bestDistance());
    } else {
      out.printf(
          Locale.ROOT,
          "similarity: %.2f%n"
              + "%s frames found in %s: %.0f%% of %d%n"
              + "%s frames found in %s: %.0f%% of %d%n"
              + "closest frames: %d of 256 bits%n",
          c.similarity(),
          an,
          bn,
          100 * c.aShare(),
          fa.frames().size(),
          bn,
          an,
          100 * c.bShare(),
          fb.frames().size(),
          c.bestDistance());
      for (MatchRange r : c.ranges()) {
        out.println(
            "range: "
                + an
                + " "
                + seconds(r.aStart())
                + "-"
                + seconds(r.aEnd())
                + " s = "
                + bn
                + " "
                + seconds(r.bStart())
                + "-"
                + seconds(r.bEnd())
                + " s");
      }
    }
    for (String n : c.notes()) {
      out.println("note: " + n);
    }
    out.println(
        "method: PDQ 256-bit hashes"
            + (video ? ", frames sampled 1/s plus scene cuts, quality >= 50, vPDQ shares" : "")
            + "; same when "
            + (video ? "both shares >= 80%" : "distance <= " + Comparison.SAME_IMAGE_DISTANCE));
  }

  /** One indented line: shares or distance, and ranges, for a list of matches. */
  static void describeBriefly(PrintWriter out, Comparison c, boolean queryIsVideo) {
    StringBuilder sb = new StringBuilder("    ");
    if (!queryIsVideo && c.ranges().isEmpty()) {
      sb.append("distance ").append(c.bestDistance()).append(" of 256 bits");
    } else {
      sb.append(
          String.format(
              Locale.ROOT,
              "%.0f%% of this file's frames found there, %.0f%% of its frames found here",
              100 * c.aShare(),
              100 * c.bShare()));
      for (MatchRange r : c.ranges()) {
        sb.append("; ")
            .append(seconds(r.aStart()))
            .append("-")
            .append(seconds(r.aEnd()))
            .append(" s here = ")
            .append(seconds(r.bStart()))
            .append("-")
            .append(seconds(r.bEnd()))
            .append(" s there");
      }
    }
    out.println(sb);
  }

  @Command(
      name = "index",
      mixinStandardHelpOptions = true,
      description = {
        "Add files that are not in the vault to the media index of --data, so that",
        "'media seen' finds them (files added with 'vault add' are fingerprinted as they are stored);",
        "with --vault, index the vault's images and videos that the index lacks."
      })
  static final class Index implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE")
    List<Path> files = new ArrayList<>();

    @Option(
        names = "--vault",
        description =
            "Also index every image and video already in the vault but not in the media index"
                + " (items stored before fingerprinting existed).")
    boolean fromVault;

    @Mixin Acquisition acquired;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      if (files.isEmpty() && !fromVault) {
        throw new UserError("media index: give FILE... or --vault");
      }
      Instant when = acquired.when();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<String> problems = new ArrayList<>();
      if (!files.isEmpty()) {
        for (IndexFiles.FileOutcome o :
            new IndexFiles(main.dataDir(), ProgressOnStderr.on(err, "media index"))
                .index(files, acquired.source, when)) {
          if (o.problem() != null) {
            problems.add(o.problem() + " (not indexed)");
            continue;
          }
          out.println(
              o.sha256()
                  + " "
                  + (o.alreadyIndexed() ? "already-indexed" : "indexed")
                  + " "
                  + o.frames()
                  + " "
                  + o.file());
          if (o.earlier() > 0) {
            err.println(o.file() + ": matches " + o.earlier() + " earlier item(s): see media seen");
          }
          out.flush();
        }
      }
      if (fromVault) {
        try (CaseFile cf = main.openCaseFile();
            EvidenceVault v = EvidenceVault.open(main.dataDir(), cf)) {
          for (Backfill.ItemOutcome o :
              new Backfill(v, ProgressOnStderr.on(err, "media index")).run(main.who())) {
            if (o.fingerprint().fingerprinted()) {
              out.println(
                  o.sha256() + " indexed " + o.fingerprint().frames() + " vault:" + o.sha256());
            } else {
              err.println("vault item " + o.sha256() + ": " + o.fingerprint().describe());
            }
            for (EarlierCopy c : o.earlier()) {
              err.println(
                  "vault item "
                      + o.sha256()
                      + ": matches earlier item "
                      + c.key()
                      + " ("
                      + c.comparison().verdict().label()
                      + ")");
            }
            out.flush();
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new UserError(String.join("\n", problems));
      }
      return 0;
    }
  }
}
