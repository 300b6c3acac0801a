package org.sijill.linkage.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.model.Patterns;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/**
 * The comparison vector read from a record's row of exact, number, date and text values and from
 * the name fields' shared rows ({@link Prepared#pattern}) is the one each field's comparator gives
 * on its own ({@link Linker#pattern} of comparators prepared apart, rows not shared).
 */
class PreparedRowsTest {

  /** Every kind, a name between the others, and five rowed fields (rows of 8 longs). */
  private static final Settings ALL_KINDS =
      Settings.of(
          "record_id",
          List.of(
              new FieldSpec("sex", Kind.EXACT),
              new FieldSpec("full_name", Kind.NAME),
              new FieldSpec("age", Kind.NUMBER),
              new FieldSpec("date_of_death", Kind.DATE),
              new FieldSpec("mother_name", Kind.TEXT),
              new FieldSpec("place_of_death", Kind.TEXT)));

  @Test
  void rowsGiveEachFieldsOwnLevelForEveryPair() {
    for (Settings s : List.of(TestLists.VICTIMS, ALL_KINDS)) {
      GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(5, 300));
      List<Source> sources = TestLists.sources(g, s);
      Prepared p = Prepared.of(s, Mode.DEDUPE, sources);
      List<FieldComparator> own = new ArrayList<>();
      for (int f = 0; f < s.fields().size(); f++) {
        FieldComparator c = FieldComparator.of(s.fields().get(f));
        c.prepare(p.records, f);
        own.add(c);
      }
      // the victim lists' three name fields share one row per record; one name field shares none
      assertThat(p.namesShareRows).isEqualTo(s == TestLists.VICTIMS);
      int n = Math.min(p.size(), 400);
      assertThat(n).isGreaterThan(200);
      int[] levelsSeen = new int[s.fields().size()];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          long want = Linker.pattern(own, a, b);
          assertThat(p.pattern(a, b)).as("%d %d", a, b).isEqualTo(want);
          for (int f = 0; f < levelsSeen.length; f++) {
            levelsSeen[f] |= 1 << (Patterns.level(want, f) + 1);
          }
        }
      }
      // the pairs meet missing values and more than one level in every field
      for (int f = 0; f < levelsSeen.length; f++) {
        assertThat(Integer.bitCount(levelsSeen[f])).as(s.fields().get(f).column()).isGreaterThan(2);
      }
    }
  }
}
