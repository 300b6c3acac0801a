package org.sijill.linkage.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The keys' hash fed part by part ({@link BlockKeys#fnv}) is the hash of the joined text's UTF-8
 * bytes, as it was when each key was built as a string: the blocks, and so every candidate pair,
 * stay the same.
 */
class BlockKeysHashTest {
  /** FNV-1a of {@code s.getBytes(UTF_8)}, mixed: how keys were hashed from their strings. */
  private static long fromBytes(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= x & 0xFF;
      h *= 0x100000001B3L;
    }
    return MinHash.mix(h);
  }

  private static final List<String> TEXTS =
      List.of(
          "",
          "mhmd",
          "الحسن",
          "Ḥasan",
          "ß€",
          "\uD83D\uDE00x", // a character outside the BMP
          "a\uD83Db", // a high surrogate alone
          "\uDE00z", // a low surrogate alone
          "z\uD83D"); // a high surrogate at the end

  @Test
  void aTextFedWholeHashesAsItsUtf8Bytes() {
    for (String s : TEXTS) {
      assertThat(BlockKeys.hash(s)).as(s).isEqualTo(fromBytes(s));
    }
  }

  @Test
  void partsFedInTurnHashAsTheJoinedText() {
    for (int field : new int[] {-1, 0, 7, 10, 123}) {
      for (String a : TEXTS) {
        for (String b : TEXTS) {
          long h = BlockKeys.fnv(BlockKeys.fnv(BlockKeys.FNV_OFFSET, field), ':');
          h = BlockKeys.fnv(BlockKeys.fnv(BlockKeys.fnv(h, a), '|'), b);
          assertThat(MinHash.mix(h)).isEqualTo(fromBytes(field + ":" + a + "|" + b));
          if (!b.isEmpty()) {
            long i = BlockKeys.fnv(BlockKeys.fnv(BlockKeys.FNV_OFFSET, field), '~');
            i = BlockKeys.fnv(BlockKeys.fnv(BlockKeys.fnv(i, a), '|'), b.charAt(0));
            assertThat(MinHash.mix(i)).isEqualTo(fromBytes(field + "~" + a + "|" + b.charAt(0)));
          }
        }
      }
    }
  }
}
