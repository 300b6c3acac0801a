package org.sijill.bench.linkage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijill.linkage.names.Names;

/**
 * Derives extra attested spellings for the name lexicon from the raw Wikidata token file by a
 * looser rule than the bundled strict one, for measuring whether more real spellings help
 * (docs/BENCHMARKS.md, session 14 lane C: measured, not kept). It never reads the synthetic
 * generator: the only inputs are the shared Wikidata file (CC0) and the bundled lexicon.
 *
 * <p>Rule: a row {@code latin, arabic letters, count} of {@code wikidata_en_ar_name_tokens.tsv} is
 * kept when both sides normalise to one token ({@code Names.normalise}), the Latin token is ASCII
 * letters (two or more), the two tokens have the same consonant skeleton ({@code Names.skeletons}:
 * the Latin spelling writes the Arabic consonants, which drops alignment errors such as أحمد →
 * siba'i), the count is at least MIN_COUNT, the row is at least a tenth of all the rows of that
 * Latin token (so a spelling is attested for the name it usually renders), the pair is not already
 * in the strict lexicon, and, with {@code arabicLetters}, the Arabic token (as written) holds a
 * letter European names transliterated into Arabic seldom use (ث ح خ ذ ص ض ط ظ ع غ ق, a hamza or
 * ة).
 *
 * <p>{@code java -cp bench/target/sijill-bench.jar org.sijill.bench.linkage.DeriveNameVariants
 * RAW_TSV STRICT_TSV MIN_COUNT arabicLetters|all OUT_TSV}
 */
public final class DeriveNameVariants {
  private static final String ARABIC_LETTERS = "ثحخذصضطظعغقءأإآؤئة";

  private DeriveNameVariants() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println(
          "usage: DeriveNameVariants RAW_TSV STRICT_TSV MIN_COUNT arabicLetters|all OUT_TSV");
      System.exit(2);
    }
    List<String> raw = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> strict = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    List<String> out =
        derive(raw, strict, Integer.parseInt(args[2]), args[3].equals("arabicLetters"));
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
      out.forEach(w::println);
    }
    System.err.println((out.size() - 1) + " spellings");
  }

  static List<String> derive(
      List<String> raw, List<String> strict, int minCount, boolean arabicLetters) {
    Set<String> known = new HashSet<>();
    for (String line : strict.subList(1, strict.size())) {
      String[] f = line.split("\t");
      if (f.length >= 4) {
        known.add(Names.normalise(f[1]) + "\t" + Names.normalise(f[2]));
      }
    }
    Map<String, Integer> latinTotal = new HashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (String line : raw) {
      String[] f = line.split("\t");
      if (f.length < 3) {
        continue;
      }
      String arabic = f[1].replace(" ", "");
      String ar = Names.normalise(arabic);
      String la = Names.normalise(f[0]);
      if (ar.isEmpty() || ar.contains(" ") || !la.matches("[a-z]{2,}")) {
        continue;
      }
      int count = Integer.parseInt(f[2].trim());
      latinTotal.merge(la, count, Integer::sum);
      rows.add(new String[] {ar, arabic, f[0], String.valueOf(count), la});
    }
    List<String> out = new ArrayList<>();
    out.add("arabic_normalized\tarabic\tlatin\tcount\tlatin_total");
    for (String[] r : rows) {
      int count = Integer.parseInt(r[3]);
      int total = latinTotal.get(r[4]);
      if (count < minCount
          || count * 10 < total
          || known.contains(r[0] + "\t" + r[4])
          || !Names.skeletons(r[0]).equals(Names.skeletons(r[4]))
          || arabicLetters && r[1].chars().noneMatch(c -> ARABIC_LETTERS.indexOf(c) >= 0)) {
        continue;
      }
      out.add(String.join("\t", r[0], r[1], r[2], r[3], String.valueOf(total)));
    }
    return out;
  }
}
