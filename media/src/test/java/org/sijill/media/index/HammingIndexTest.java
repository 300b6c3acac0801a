package org.sijill.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sijill.media.testing.RandomHashes.flip;
import static org.sijill.media.testing.RandomHashes.random;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sijill.media.TestData;
import org.sijill.media.pdq.PdqHash;

class HammingIndexTest {

  @Test
  void findsExactlyThePublishedPairsWithin31Bits() throws IOException {
    List<String> hay = Files.readAllLines(TestData.pdq("haystack.txt"));
    List<String> needles = Files.readAllLines(TestData.pdq("needles.txt"));
    HammingIndex index = new HammingIndex();
    hay.forEach(h -> index.add(PdqHash.fromHex(h.trim())));
    index.reindex();

    Set<String> expected = new HashSet<>();
    for (String line : Files.readAllLines(TestData.pdq("needles-haystack-within-32.csv"))) {
      String[] f = line.split(",");
      if (!f[0].startsWith("needle") && Integer.parseInt(f[2]) <= 31) {
        expected.add(f[0] + "," + f[1] + "," + f[2]);
      }
    }
    Set<String> found = new HashSet<>();
    for (int n = 0; n < needles.size(); n++) {
      for (HammingIndex.Hit hit : index.within(PdqHash.fromHex(needles.get(n).trim()), 31)) {
        found.add(n + "," + hit.id() + "," + hit.distance());
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void equalsBruteForceOnClusteredRandomHashesWithAnUnindexedTail() {
    Random rnd = new Random(7);
    HammingIndex index = new HammingIndex();
    List<PdqHash> centres = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      centres.add(random(rnd));
    }
    for (int i = 0; i < 20_000; i++) {
      index.add(flip(centres.get(rnd.nextInt(centres.size())), rnd.nextInt(40), rnd));
    }
    for (int bits : new int[] {16, 17, 20, 23, 24}) {
      index.reindex(bits); // every chunk layout: 16 x 16 bits down to 11 x 23-24 bits
      for (int i = 0; i < 1_000; i++) { // and a tail scanned without tables
        index.add(flip(centres.get(rnd.nextInt(centres.size())), rnd.nextInt(40), rnd));
      }
      for (int q = 0; q < 100; q++) {
        PdqHash query = flip(centres.get(rnd.nextInt(centres.size())), rnd.nextInt(20), rnd);
        int radius = rnd.nextInt(32);
        assertThat(index.within(query, radius))
            .as("%d-bit chunks, radius %d", bits, radius)
            .isEqualTo(index.bruteForce(query, radius));
      }
    }
  }
}
