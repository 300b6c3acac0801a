package org.sijill.casefile.repo;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * A value read from a case file, kept per case (per owner: a {@code Jdbi} or a {@code CaseFile})
 * and read again only when the version the caller has just read differs from the one it was read
 * at. The version is a count of rows of append-only tables, so any committed change changes it. The
 * caller must read the version before the rows: a row written in between leaves the kept value
 * older than its version, and the next call reads again (never the reverse). Owners are held
 * weakly, so a closed case's value goes with it.
 *
 * @param <K> the owner: one kept value per owner
 * @param <V> the value, immutable (it is shared by every caller)
 */
public final class KeptUntilChanged<K, V> {
  private record Kept<V>(Object version, V value) {}

  private final Map<K, Kept<V>> kept = Collections.synchronizedMap(new WeakHashMap<>());

  /** The owner's value at {@code version}: the kept one when it was read at that version. */
  public V get(K owner, Object version, Supplier<V> read) {
    Kept<V> k = kept.get(owner);
    if (k != null && k.version().equals(version)) {
      return k.value();
    }
    V fresh = read.get();
    kept.put(owner, new Kept<>(version, fresh));
    return fresh;
  }
}
