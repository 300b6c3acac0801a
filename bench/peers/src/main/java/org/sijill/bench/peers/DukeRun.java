package org.sijill.bench.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.priv.garshol.duke.Comparator;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Processor;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinklerTokenized;
import no.priv.garshol.duke.comparators.Levenshtein;
import no.priv.garshol.duke.databases.LuceneDatabase;
import no.priv.garshol.duke.datasources.InMemoryDataSource;
import no.priv.garshol.duke.matchers.AbstractMatchListener;

/**
 * Duke 1.2 on FEBRL, configured through its API with what its XML configuration would say: one
 * comparator and a low/high probability per field, an in-memory Lucene index queried (without
 * fuzzy search) on four fields, two threads. FEBRL's duplicates swap given name and surname (and
 * the two address lines), which Duke's field-by-field comparison cannot see; the harness gives
 * Duke each pair as one field in sorted order, compared token by token (Jaro-Winkler). Link mode keeps each record's single best match
 * (Duke's {@code --singlematch}); dedupe mode takes the transitive closure of the matches.
 *
 * <p>The records are read and trimmed here and handed to Duke as in-memory records; Duke's own
 * CSV data source does not skip the space after FEBRL's commas, so its command line needs the
 * files rewritten with plain commas first — the same records either way.
 *
 * <p>Usage: {@code DukeRun link|dedupe THRESHOLD OUT.csv FILE [FILE]}.
 */
public final class DukeRun {
  /** The fields Duke sees only as the sorted pairs {@code name} and {@code address}. */
  private static final List<String> SWAPPED =
      List.of("given_name", "surname", "address_1", "address_2");

  private DukeRun() {}

  public static void main(String[] args) throws Exception {
    boolean link = args[0].equals("link");
    double threshold = Double.parseDouble(args[1]);
    Path out = Path.of(args[2]);
    List<Febrl> files = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      files.add(Febrl.read(Path.of(args[i])));
    }

    ConfigurationImpl cfg = new ConfigurationImpl();
    cfg.setProperties(properties());
    cfg.setThreshold(threshold);
    Map<String, Integer> index = new HashMap<>(); // "file\0id" -> global record number
    int offset = 0;
    for (int f = 0; f < files.size(); f++) {
      Febrl file = files.get(f);
      InMemoryDataSource ds = new InMemoryDataSource();
      for (int r = 0; r < file.rows().size(); r++) {
        ds.add(record(file, r, f));
        index.put(f + "\u0000" + file.id(r), offset + r);
      }
      offset += file.rows().size();
      cfg.addDataSource(link ? f + 1 : 0, ds);
    }
    LuceneDatabase db = new LuceneDatabase();
    db.setConfiguration(cfg);
    db.setFuzzySearch(false);
    cfg.setDatabase(db);

    UnionFind uf = new UnionFind(offset);
    Processor p = new Processor(cfg, db);
    p.setThreads(2);
    p.addMatchListener(
        new AbstractMatchListener() {
          @Override
          public synchronized void matches(Record a, Record b, double confidence) {
            uf.union(index.get(key(a)), index.get(key(b)));
          }
        });
    if (link) {
      p.link(cfg.getDataSources(1), cfg.getDataSources(2), false, 40000);
    } else {
      p.deduplicate(cfg.getDataSources(), 40000);
    }
    p.close();

    List<int[]> cluster = new ArrayList<>();
    int base = 0;
    for (Febrl f : files) {
      int[] c = new int[f.rows().size()];
      for (int r = 0; r < c.length; r++) {
        c[r] = uf.find(base + r);
      }
      base += c.length;
      cluster.add(c);
    }
    Febrl.writeClusters(out, files, cluster);
  }

  private static String key(Record r) {
    return r.getValue("file") + "\u0000" + r.getValue(Febrl.ID);
  }

  private static Record record(Febrl file, int row, int fileNo) {
    RecordImpl r = new RecordImpl();
    String[] v = file.rows().get(row);
    for (int c = 0; c < v.length; c++) {
      String col = file.columns().get(c);
      if (!v[c].isEmpty() && !SWAPPED.contains(col)) {
        r.addValue(col, v[c]);
      }
    }
    r.addValue("file", String.valueOf(fileNo));
    // FEBRL's duplicates swap given name and surname, and address_1 and address_2: a field
    // of both values in sorted order lets Duke's per-field comparison see through the swap
    // (what a Duke user would do with a cleaner)
    both(r, file, v, "given_name", "surname", "name");
    both(r, file, v, "address_1", "address_2", "address");
    return r;
  }

  private static void both(RecordImpl r, Febrl f, String[] v, String a, String b, String as) {
    String x = v[f.columns().indexOf(a)];
    String y = v[f.columns().indexOf(b)];
    String joined = (x.compareTo(y) <= 0 ? x + " " + y : y + " " + x).trim();
    if (!joined.isEmpty()) {
      r.addValue(as, joined);
    }
  }

  private static List<Property> properties() {
    List<Property> ps = new ArrayList<>();
    ps.add(new PropertyImpl(Febrl.ID));
    PropertyImpl file = new PropertyImpl("file", new ExactComparator(), 0.5, 0.5);
    file.setIgnoreProperty(true);
    ps.add(file);
    ps.add(prop("name", new JaroWinklerTokenized(), 0.1, 0.9, true));
    ps.add(prop("street_number", new ExactComparator(), 0.4, 0.6, false));
    ps.add(prop("address", new Levenshtein(), 0.3, 0.75, false));
    ps.add(prop("suburb", new Levenshtein(), 0.3, 0.7, false));
    ps.add(prop("postcode", new Levenshtein(), 0.3, 0.7, true));
    ps.add(prop("state", new ExactComparator(), 0.4, 0.55, false));
    ps.add(prop("date_of_birth", new Levenshtein(), 0.2, 0.85, true));
    ps.add(prop("soc_sec_id", new Levenshtein(), 0.1, 0.95, true));
    return ps;
  }

  private static Property prop(String name, Comparator c, double low, double high, boolean lookup) {
    PropertyImpl p = new PropertyImpl(name, c, low, high);
    p.setLookupBehaviour(lookup ? Property.Lookup.TRUE : Property.Lookup.FALSE);
    return p;
  }
}
