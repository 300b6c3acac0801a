package org.sijill.linkage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.Kind;
import org.sijill.linkage.Linker;
import org.sijill.linkage.Settings;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedList;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.SyntheticRow;

/**
 * The comparisons tests and benchmarks link with, and generated victim lists turned into sources,
 * written once so that a test and the benchmark measuring the same thing read the same input.
 */
public final class TestLists {
  /** The generated victim lists' columns: two names, sex, age, date and place of death. */
  public static final Settings VICTIMS =
      Settings.of(
          "record_id",
          List.of(
              new FieldSpec("full_name", Kind.NAME),
              new FieldSpec("mother_name", Kind.NAME),
              new FieldSpec("sex", Kind.EXACT),
              new FieldSpec("age", Kind.NUMBER),
              new FieldSpec("date_of_death", Kind.DATE),
              new FieldSpec("place_of_death", Kind.NAME)));

  /** The FEBRL data sets' columns (Christen's synthetic census-like records). */
  public static final Settings FEBRL =
      Settings.of(
          "rec_id",
          List.of(
              new FieldSpec("given_name", Kind.NAME),
              new FieldSpec("surname", Kind.NAME),
              new FieldSpec("street_number", Kind.TEXT),
              new FieldSpec("address_1", Kind.TEXT),
              new FieldSpec("address_2", Kind.TEXT),
              new FieldSpec("suburb", Kind.TEXT),
              new FieldSpec("postcode", Kind.TEXT),
              new FieldSpec("state", Kind.EXACT),
              new FieldSpec("date_of_birth", Kind.DATE, "yyyyMMdd"),
              new FieldSpec("soc_sec_id", Kind.TEXT)));

  private TestLists() {}

  /** The generated lists as sources with the columns {@code s} compares, one source a list. */
  public static List<Source> sources(GeneratedLists g, Settings s) {
    return sources(g, s, Map.of());
  }

  /** As {@link #sources(GeneratedLists, Settings)}, with extra rows appended to the named lists. */
  public static List<Source> sources(GeneratedLists g, Settings s, Map<String, String[][]> extra) {
    List<String> cols = Linker.columns(s);
    List<Source> sources = new ArrayList<>();
    for (GeneratedList l : g.lists()) {
      List<String[]> rows = new ArrayList<>(l.rows().size());
      for (SyntheticRow row : l.rows()) {
        String[] v = new String[cols.size()];
        for (int c = 0; c < v.length; c++) {
          v[c] = row.get(cols.get(c));
        }
        rows.add(v);
      }
      rows.addAll(List.of(extra.getOrDefault(l.name(), new String[0][])));
      sources.add(Source.of(l.name(), cols, rows));
    }
    return sources;
  }

  /** The true person of every generated record, in the order {@link #sources} lists them. */
  public static List<String> truth(GeneratedLists g) {
    List<String> truth = new ArrayList<>();
    for (GeneratedList l : g.lists()) {
      for (SyntheticRow row : l.rows()) {
        truth.add(row.personId());
      }
    }
    return truth;
  }
}
