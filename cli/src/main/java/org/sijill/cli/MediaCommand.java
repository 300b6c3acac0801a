package org.sijill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sijill.media.Comparison;
import org.sijill.media.Fingerprint;
import org.sijill.media.FrameHash;
import org.sijill.media.ImageFingerprint;
import org.sijill.media.MatchRange;
import org.sijill.media.MediaException;
import org.sijill.media.MediaFingerprinter;
import org.sijill.media.MediaIndex;
import org.sijill.media.VideoFingerprint;
import picocli.CommandLine.Command;
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

  /** The media index of the data directory in force. */
  static Path indexDir(Main main) {
    return main.dataDir().resolve("media");
  }

  static Fingerprint fingerprint(MediaFingerprinter fp, Path file) {
    try {
      return fp.fingerprint(file);
    } catch (MediaException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

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
      MediaFingerprinter fp = new MediaFingerprinter();
      List<String> problems = new ArrayList<>();
      for (Path f : files) {
        Fingerprint p;
        try {
          p = fp.fingerprint(f);
        } catch (MediaException e) {
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
      MediaFingerprinter fp = new MediaFingerprinter();
      Fingerprint fa = fingerprint(fp, a);
      Fingerprint fb = fingerprint(fp, b);
      Comparison c = MediaFingerprinter.compare(fa, fb);
      PrintWriter out = spec.commandLine().getOut();
      out.println("verdict: " + c.verdict().label());
      describe(out, c, fa, fb, "A", "B");
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
  static void describeBriefly(PrintWriter out, Comparison c, Fingerprint query) {
    StringBuilder sb = new StringBuilder("    ");
    if (query instanceof ImageFingerprint && c.ranges().isEmpty()) {
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
        "'media seen' finds them (files added with 'vault add' are indexed automatically);",
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

    @Option(names = "--source", paramLabel = "S", description = "Where the files came from.")
    String source;

    @Option(
        names = "--acquired-at",
        paramLabel = "TIME",
        description = "When they were obtained (ISO instant or date; default: now).")
    String acquiredAt;

    @Override
    public Integer call() {
      Main main = Main.root(spec);
      if (files.isEmpty() && !fromVault) {
        throw new UserError("media index: give FILE... or --vault");
      }
      Instant when = MediaSeenCommand.parseTime(acquiredAt, "--acquired-at");
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      MediaFingerprinter fp = new MediaFingerprinter();
      List<String> problems = new ArrayList<>();
      try (MediaIndex index = MediaIndex.openForWriting(indexDir(main))) {
        for (Path f : files) {
          Fingerprint p;
          try {
            p = fp.fingerprint(f);
          } catch (MediaException e) {
            problems.add(e.getMessage() + " (not indexed)");
            continue;
          }
          MediaIndex.Added a =
              index.add(
                  sha256(f),
                  p,
                  source,
                  when == null ? Instant.now() : when,
                  f.getFileName().toString());
          out.println(
              a.item().key()
                  + " "
                  + (a.alreadyIndexed() ? "already-indexed" : "indexed")
                  + " "
                  + p.frames().size()
                  + " "
                  + f);
          if (!a.earlier().isEmpty()) {
            err.println(f + ": matches " + a.earlier().size() + " earlier item(s): see media seen");
          }
          out.flush();
        }
        if (fromVault) {
          backfill(main, index, fp, out, problems);
        }
      } catch (java.io.UncheckedIOException | IllegalStateException e) {
        throw new UserError(indexDir(main) + ": " + e.getMessage(), e);
      }
      if (!problems.isEmpty()) {
        throw new UserError(String.join("\n", problems));
      }
      return 0;
    }
  }

  /** Indexes the vault's items missing from the index; non-media items are skipped quietly. */
  static void backfill(
      Main main, MediaIndex index, MediaFingerprinter fp, PrintWriter out, List<String> problems) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    try (org.sijill.vault.Vault v = org.sijill.vault.Vault.open(main.dataDir())) {
      for (org.sijill.vault.CustodyEvent e : v.events()) {
        if (e.type() == org.sijill.vault.EventType.ACQUIRED
            || e.type() == org.sijill.vault.EventType.IMPORTED) {
          seen.add(e.sha256());
        }
      }
      for (String sha : seen) {
        if (index.byKey(sha).isPresent()) {
          continue;
        }
        Fingerprint p;
        try {
          p = fp.fingerprint(v.contentPath(sha));
        } catch (MediaException e) {
          if (!e.unrecognised()) {
            problems.add("vault item " + sha + ": " + e.getMessage().replaceFirst("^[^:]*: ", ""));
          }
          continue;
        }
        index.add(sha, p, "", null, sha);
        out.println(sha + " indexed " + p.frames().size() + " vault:" + sha);
        out.flush();
      }
    } catch (IOException e) {
      throw new UserError(main.dataDir() + ": cannot open the vault: " + e.getMessage(), e);
    }
  }

  static String sha256(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UserError(f + ": cannot be read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
