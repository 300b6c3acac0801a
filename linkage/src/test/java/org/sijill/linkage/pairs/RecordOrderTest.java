package org.sijill.linkage.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sijill.linkage.Mode;
import org.sijill.linkage.Source;
import org.sijill.linkage.synthetic.GeneratedLists;
import org.sijill.linkage.synthetic.GeneratorConfig;
import org.sijill.linkage.synthetic.VictimListGenerator;
import org.sijill.linkage.testing.TestLists;

/** Reading a record's partners ahead of comparing them ({@link RecordOrder}) changes no result. */
class RecordOrderTest {

  @Test
  void readingThePartnersAheadChangesNoVectorAndReadsEveryPair() {
    GeneratedLists g = VictimListGenerator.generate(GeneratorConfig.example(3, 800));
    List<Source> sources = TestLists.sources(g, TestLists.VICTIMS);
    Prepared p = Prepared.of(TestLists.VICTIMS, Mode.LINK_AND_DEDUPE, sources);
    long[] pairs = PairWork.LOCAL.candidates(p).pairs();
    assertThat(pairs.length).isGreaterThan(1000);
    long[] direct = new long[pairs.length];
    for (int k = 0; k < pairs.length; k++) {
      direct[k] = p.pattern((int) (pairs[k] >>> 32), (int) pairs[k]);
    }
    long[] ahead = new long[pairs.length];
    AtomicLong touched = new AtomicLong();
    RecordOrder.forEachPair(
        p,
        pairs,
        done -> {},
        i -> ahead[i] = p.pattern((int) (pairs[i] >>> 32), (int) pairs[i]),
        (from, to) -> {
          touched.addAndGet(to - from);
          return p.touchPartners(pairs, from, to);
        },
        0);
    assertThat(ahead).isEqualTo(direct);
    assertThat(touched.get()).isEqualTo(pairs.length); // every pair's partner read ahead once
    // and for scoring: the name fields' term-frequency reads
    long[] patterns = ahead;
    long sink = 0;
    for (int from = 0; from < pairs.length; from += 256) {
      sink ^= p.touchTermPartners(pairs, patterns, from, Math.min(pairs.length, from + 256));
    }
    assertThat(sink).isNotEqualTo(0x5EED_5EED_5EED_5EEDL);
  }
}
