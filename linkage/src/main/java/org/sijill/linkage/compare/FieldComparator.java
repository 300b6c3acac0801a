package org.sijill.linkage.compare;

import java.util.function.Consumer;
import org.sijill.linkage.FieldSpec;
import org.sijill.linkage.internal.Records;

/**
 * Compares one field of two records on a few ordered levels (0 = disagree, {@code levels()-1} =
 * agree exactly), or -1 when either value is missing — missing is never disagreement.
 *
 * <p>Implementations prepare every record's value once (normalise, tokenise, parse) so that the
 * per-pair work is only the comparison.
 */
public sealed interface FieldComparator
    permits NameComparator, TextComparator, ExactComparator, NumberComparator, DateComparator {

  int MISSING = -1;

  /** Number of levels (≤ 7). */
  int levels();

  /** Short description of each level, for docs and verbose output. */
  String label(int level);

  /** Prepares the values of all records; called once before any {@link #level}. */
  void prepare(Records records, int field);

  int level(int a, int b);

  /**
   * Reads what {@link #level} reads first of record {@code rec} and returns it (any value; for a
   * {@link #rowed} kind, the one long {@link #level(long, long, int, int)} reads): a pass over a
   * record's candidates calls it for each partner before comparing them, so that the partners'
   * values, scattered over the heap, are fetched together rather than one cache miss at a time
   * ({@code RecordOrder}). No effect on any answer.
   */
  default long touch(int rec) {
    return 0;
  }

  /**
   * Whether all that {@link #level} reads of a record on its common path fits one long, the one
   * {@link #touch} returns: the exact, number, date and text kinds, one value per record. Why: at a
   * million records a candidate's partner lies anywhere in the heap, and each such field's array
   * was a cache miss of its own per pair; {@code Prepared} keeps these longs of all such fields of
   * a record side by side in one row, read with one miss.
   */
  default boolean rowed() {
    return false;
  }

  /**
   * {@link #level}{@code (a, b)} from the records' {@link #touch} values {@code va} and {@code vb}:
   * the same level (rarer paths may still read more of {@code a} and {@code b}).
   */
  default int level(long va, long vb, int a, int b) {
    return level(a, b);
  }

  /**
   * Term-frequency factor for an agreement: how much more (or less) telling this agreement is than
   * the level's average, {@code u(level) / P(a random record shares this value)}; 1 by default.
   */
  default double termFactor(int a, int b, int level, double uLevel) {
    return 1.0;
  }

  /**
   * {@code Math.log} of {@link #termFactor}, 0 where the factor is 1: what scoring adds up. Kinds
   * whose factor depends on few values may keep the logs in a table (the same doubles).
   */
  default double logTermFactor(int a, int b, int level, double uLevel) {
    double factor = termFactor(a, b, level, uLevel);
    return factor == 1.0 ? 0.0 : Math.log(factor);
  }

  /** Whether {@link #termFactor} can be other than 1 (it is 1 for every pair when not). */
  default boolean adjustsByTermFrequency() {
    return false;
  }

  /** Blocking keys of a record for this field (may emit nothing). */
  default void blockingKeys(int rec, Consumer<String> keys) {}

  static FieldComparator of(FieldSpec spec) {
    return switch (spec.kind()) {
      case NAME -> new NameComparator();
      case TEXT -> new TextComparator();
      case EXACT -> new ExactComparator();
      case NUMBER -> new NumberComparator();
      case DATE -> new DateComparator(spec.format());
    };
  }
}
