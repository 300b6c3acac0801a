package org.sijill.casefile.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptUntilChangedTest {
  @Test
  void readsAgainOnlyWhenTheVersionChanges() {
    KeptUntilChanged<Object, String> kept = new KeptUntilChanged<>();
    Object caseA = new Object();
    Object caseB = new Object();
    AtomicInteger reads = new AtomicInteger();

    assertEquals("a1", kept.get(caseA, 3L, () -> "a" + reads.incrementAndGet()));
    assertEquals("a1", kept.get(caseA, 3L, () -> "a" + reads.incrementAndGet()));
    assertEquals(1, reads.get(), "the same version is served from what was kept");

    assertEquals("a2", kept.get(caseA, 4L, () -> "a" + reads.incrementAndGet()));
    assertEquals(2, reads.get(), "a new version reads again");

    assertEquals("b3", kept.get(caseB, 4L, () -> "b" + reads.incrementAndGet()));
    assertEquals("a2", kept.get(caseA, 4L, () -> "a" + reads.incrementAndGet()));
    assertEquals(3, reads.get(), "each owner keeps its own value");
  }
}
