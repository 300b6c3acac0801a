package org.sijill.linkage.blocking;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.sijill.linkage.Settings;
import org.sijill.linkage.compare.FieldComparator;
import org.sijill.linkage.compare.NameComparator;
import org.sijill.linkage.compare.NumberComparator;
import org.sijill.linkage.compare.TextComparator;
import org.sijill.linkage.internal.LongList;
import org.sijill.linkage.names.NameToken;

/**
 * The blocking keys of one record, each packed into a long: key family (5 bits), a 35-bit hash of
 * the key, the record index (24 bits). Records that share the top 40 bits are in one block, so
 * grouping is one primitive sort. The families are listed in {@link Blocker}'s class comment.
 */
final class BlockKeys {
  static final int FAMILY_NAME_PAIRS = 0;
  static final int FAMILY_LSH = 1;
  static final int FAMILY_TOKEN_INITIAL = 2;
  static final int FAMILY_TOKEN_BAND = 3;
  static final int FAMILY_FIELD = 4;

  /**
   * A token+initial block is compared in full up to maxBlockSize / TOKEN_INITIAL_SHARE records and
   * skipped above: the key is loose (one token and a letter), so only a small block is evidence.
   */
  private static final int TOKEN_INITIAL_SHARE = 5;

  /**
   * A token+age block is compared in full up to maxBlockSize / TOKEN_BAND_SHARE records and skipped
   * above, like token+initial: one shared token and a near age are loose evidence.
   */
  private static final int TOKEN_BAND_SHARE = 5;

  /**
   * A name token held by more than TOKEN_BAND_HOLDERS times the token+age cap records in its field
   * gets no token+age keys: spread over the age bands its blocks would be over the cap anyway (a
   * common given name), and a key per band would only add to the sort.
   */
  private static final int TOKEN_BAND_HOLDERS = 20;

  private final List<FieldComparator> comparators;
  private final MinHash minHash;
  private final int holders;

  BlockKeys(Settings settings, List<FieldComparator> comparators) {
    this.comparators = comparators;
    minHash =
        settings.lshBands() > 0
            ? new MinHash(settings.lshBands(), settings.lshRows(), settings.seed())
            : null;
    holders = TOKEN_BAND_HOLDERS * tokenBandCap(settings.maxBlockSize());
  }

  /** Largest token+age block compared in full. */
  static int tokenBandCap(int maxBlockSize) {
    return Math.max(2, maxBlockSize / TOKEN_BAND_SHARE);
  }

  /** Largest token+initial block compared in full. */
  static int tokenInitialCap(int maxBlockSize) {
    return Math.max(2, maxBlockSize / TOKEN_INITIAL_SHARE);
  }

  /**
   * The keys of record {@code rec}. Safe to call from several threads. Builds no strings: each key
   * is hashed as the text it stands for ({@code field + ":" + a + "|" + b} and the like) by feeding
   * the parts to {@link #fnv} one after the other, which gives the hash of the joined text; joining
   * and encoding tens of millions of keys was a quarter of a 1M run's blocking.
   */
  void keys(int rec, LongConsumer keys) {
    int[] shingles = new int[256];
    LongList numberBands = new LongList(8);
    numberBands(rec, numberBands);
    Skeletons single = new Skeletons();
    int sh = 0;
    for (int f = 0; f < comparators.size(); f++) {
      FieldComparator c = comparators.get(f);
      if (c instanceof NameComparator nc) {
        NameToken[] toks = nc.tokens(rec);
        Skeletons skels = new Skeletons();
        Skeletons twice = new Skeletons();
        for (NameToken t : toks) {
          String skeleton = t.skeleton();
          if (!skeleton.isEmpty() && skels.size() < 8 && !skels.add(skeleton)) {
            twice.add(skeleton);
          }
          // the bigrams of "^" + skeleton + "$", each as String.hashCode of the two characters
          int len = skeleton.length() + 2;
          for (int k = 0; k + 2 <= len && sh < shingles.length; k++) {
            char c0 = k == 0 ? '^' : skeleton.charAt(k - 1);
            char c1 = k + 2 == len ? '$' : skeleton.charAt(k);
            shingles[sh++] = (31 * c0 + c1) * 31 + f;
          }
        }
        tokenBands(skels, nc, f, numberBands, holders, rec, keys);
        if (skels.size() == 1) {
          single.add(skels.get(0));
        } else {
          tokenPairs(skels, f, rec, keys);
          tokenInitials(skels, f, rec, keys);
          variantPairs(toks, skels, f, rec, keys);
        }
        // A skeleton written twice (حسن الحسيني, Hani Hani: given and family name alike) pairs
        // with itself, so such a name still has a name-pair key.
        for (int k = 0; k < twice.size(); k++) {
          String t = twice.get(k);
          long h = fnv(fnv(fnv(fnv(FNV_OFFSET, f), ':'), t), '|');
          keys.accept(pack(FAMILY_NAME_PAIRS, MinHash.mix(fnv(h, t)), rec));
        }
      } else if (c instanceof TextComparator tc && tc.value(rec) != null) {
        String s = tc.value(rec);
        // the trigrams, each as String.hashCode of the three characters
        for (int k = 0; k + 3 <= s.length() && sh < shingles.length; k++) {
          int h = (31 * s.charAt(k) + s.charAt(k + 1)) * 31 + s.charAt(k + 2);
          shingles[sh++] = h * 31 + f;
        }
      }
      final int family = FAMILY_FIELD + f;
      if (!(c instanceof NameComparator)) {
        c.blockingKeys(rec, v -> keys.accept(pack(family, hash(v), rec)));
      }
    }
    // Names split over single-token fields (given_name, surname) pair across fields.
    if (single.size() >= 2) {
      tokenPairs(single, -1, rec, keys);
      tokenInitials(single, -1, rec, keys);
    }
    if (minHash != null) {
      minHash.bandKeys(shingles, sh, k -> keys.accept(pack(FAMILY_LSH, k, rec)));
    }
  }

  /**
   * Distinct skeletons in the order first added: what a {@code LinkedHashSet} of a name's few
   * skeletons did, without a hash table per name.
   */
  static final class Skeletons {
    private String[] items = new String[8];
    private int n;

    int size() {
      return n;
    }

    String get(int i) {
      return items[i];
    }

    boolean contains(String s) {
      for (int i = 0; i < n; i++) {
        if (items[i].equals(s)) {
          return true;
        }
      }
      return false;
    }

    /** Adds {@code s} unless present; whether it was added. */
    boolean add(String s) {
      if (contains(s)) {
        return false;
      }
      if (n == items.length) {
        items = Arrays.copyOf(items, n * 2);
      }
      items[n++] = s;
      return true;
    }

    String[] toArray() {
      return Arrays.copyOf(items, n);
    }
  }

  /** The bands of each number field (an age), two overlapping tilings, for the token+age key. */
  private void numberBands(int rec, LongList out) {
    out.clear();
    for (int f = 0; f < comparators.size(); f++) {
      if (comparators.get(f) instanceof NumberComparator num) {
        double v = num.value(rec);
        if (!Double.isNaN(v)) {
          SplitIndex.bands((long) Math.floor(v), SplitIndex.NUMBER_BAND, f, out);
        }
      }
    }
  }

  /**
   * Each name-token skeleton of one name field with each band of a number field: a pair that shares
   * one token, has a typo in every other and ages within half a band (2 years) shares such a key.
   * Tokens held by more than {@code holders} records of the field are left out.
   */
  private static void tokenBands(
      Skeletons skels,
      NameComparator nc,
      int field,
      LongList bands,
      int holders,
      int rec,
      LongConsumer keys) {
    if (bands.size() == 0) {
      return;
    }
    for (int k = 0; k < skels.size(); k++) {
      String t = skels.get(k);
      if (nc.skeletonCount(t) > holders) {
        continue;
      }
      long h = MinHash.mix(fnv(fnv(fnv(FNV_OFFSET, field), '#'), t));
      for (int b = 0; b < bands.size(); b++) {
        keys.accept(
            pack(FAMILY_TOKEN_BAND, MinHash.mix(h * 0x9E3779B97F4A7C15L + bands.get(b)), rec));
      }
    }
  }

  /**
   * Name-pair keys through the tokens' variant skeletons ({@link NameToken#variantSkeletons}): each
   * pair of tokens with its skeleton or a variant on either side, at least one a variant, so that
   * Ayah Osman and ايه عثمان, Zaki Osman and ذكي عثمان share a key. Keys the record already has are
   * not added again.
   */
  private static void variantPairs(
      NameToken[] toks, Skeletons skels, int field, int rec, LongConsumer keys) {
    // most names have no token with a variant: find out before building the forms
    List<String>[] variants = null;
    int used = 0;
    for (int k = 0; k < toks.length && used < 8; k++) {
      if (toks[k].skeleton().isEmpty()) {
        continue;
      }
      List<String> v = toks[k].variantSkeletons();
      if (!v.isEmpty()) {
        if (variants == null) {
          @SuppressWarnings("unchecked")
          List<String>[] fresh = new List[toks.length];
          variants = fresh;
        }
        variants[k] = v;
      }
      used++;
    }
    if (variants == null) {
      return;
    }
    List<List<String>> forms = new java.util.ArrayList<>();
    for (int k = 0; k < toks.length && forms.size() < 8; k++) {
      NameToken t = toks[k];
      if (t.skeleton().isEmpty()) {
        continue;
      }
      List<String> v = variants[k] == null ? List.of() : variants[k];
      List<String> f = new java.util.ArrayList<>(v.size() + 1);
      f.add(t.skeleton());
      f.addAll(v);
      forms.add(f);
    }
    Set<String> done = new HashSet<>();
    for (int i = 0; i < forms.size(); i++) {
      for (int j = i + 1; j < forms.size(); j++) {
        for (int x = 0; x < forms.get(i).size(); x++) {
          for (int y = 0; y < forms.get(j).size(); y++) {
            String u = forms.get(i).get(x);
            String w = forms.get(j).get(y);
            if ((x == 0 && y == 0) || u.equals(w) || (skels.contains(u) && skels.contains(w))) {
              continue;
            }
            String key = u.compareTo(w) < 0 ? u + "|" + w : w + "|" + u;
            if (done.add(key)) {
              keys.accept(pack(FAMILY_NAME_PAIRS, hash(field + ":" + key), rec));
            }
          }
        }
      }
    }
  }

  /** Every pair of a record's name-token skeletons, order-free. */
  private static void tokenPairs(Skeletons skels, int field, int rec, LongConsumer keys) {
    String[] sk = skels.toArray();
    Arrays.sort(sk);
    long prefix = fnv(fnv(FNV_OFFSET, field), ':');
    for (int i = 0; i < sk.length; i++) {
      long h = fnv(fnv(prefix, sk[i]), '|');
      for (int j = i + 1; j < sk.length; j++) {
        keys.accept(pack(FAMILY_NAME_PAIRS, MinHash.mix(fnv(h, sk[j])), rec));
      }
    }
  }

  /**
   * Each name-token skeleton with the first letter of each other token of the name: a pair that
   * shares one token and has a typo past the first letter of another shares such a key (once per
   * skeleton and letter).
   */
  private static void tokenInitials(Skeletons skels, int field, int rec, LongConsumer keys) {
    long prefix = fnv(fnv(FNV_OFFSET, field), '~');
    char[] seen = new char[skels.size()];
    for (int i = 0; i < skels.size(); i++) {
      String t = skels.get(i);
      long h = fnv(fnv(prefix, t), '|');
      int letters = 0;
      for (int j = 0; j < skels.size(); j++) {
        String u = skels.get(j);
        char first = u.charAt(0);
        if (u.equals(t) || contains(seen, letters, first)) {
          continue;
        }
        seen[letters++] = first;
        keys.accept(pack(FAMILY_TOKEN_INITIAL, MinHash.mix(fnv(h, first)), rec));
      }
    }
  }

  private static boolean contains(char[] a, int n, char c) {
    for (int i = 0; i < n; i++) {
      if (a[i] == c) {
        return true;
      }
    }
    return false;
  }

  private static long pack(int family, long hash, int rec) {
    return ((long) family << 59) | ((hash & 0x7FFFFFFFFL) << 24) | rec;
  }

  /** FNV-1a of the UTF-8 bytes, mixed: a key's or split value's hash. */
  static long hash(String s) {
    return MinHash.mix(fnv(FNV_OFFSET, s));
  }

  static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  /**
   * FNV-1a state {@code h} carried over the UTF-8 bytes of {@code s}, byte for byte those of {@code
   * s.getBytes(UTF_8)} (an unpaired surrogate is '?'), so that feeding the parts of a text in turn
   * gives the state of the joined text when no part ends in a high surrogate and the next starts
   * with a low one (the keys' parts are joined by ASCII separators).
   */
  static long fnv(long h, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        h = (h ^ (0xF0 | (cp >>> 18))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >>> 12) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | ((cp >>> 6) & 0x3F))) * FNV_PRIME;
        h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
      } else {
        h = fnv(h, c);
      }
    }
    return h;
  }

  /** As {@link #fnv(long, String)} for one character (a surrogate alone is '?'). */
  static long fnv(long h, char c) {
    if (c < 0x80) {
      return (h ^ c) * FNV_PRIME;
    }
    if (c < 0x800) {
      h = (h ^ (0xC0 | (c >>> 6))) * FNV_PRIME;
      return (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
    }
    if (Character.isSurrogate(c)) {
      return (h ^ '?') * FNV_PRIME;
    }
    h = (h ^ (0xE0 | (c >>> 12))) * FNV_PRIME;
    h = (h ^ (0x80 | ((c >>> 6) & 0x3F))) * FNV_PRIME;
    return (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
  }

  /** As {@link #fnv(long, String)} for the decimal text of {@code v} ({@code String.valueOf}). */
  static long fnv(long h, int v) {
    if (v < 0) {
      h = fnv(h, '-');
    }
    long x = Math.abs((long) v);
    long div = 1;
    while (div * 10 <= x) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      h = fnv(h, (char) ('0' + (x / div) % 10));
    }
    return h;
  }
}
