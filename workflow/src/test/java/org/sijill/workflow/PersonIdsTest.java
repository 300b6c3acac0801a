package org.sijill.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonIdsTest {
  @Test
  void unchangedPersonsKeepTheirIdsAndNewOnesGetNone() {
    Map<Long, Set<Long>> before = Map.of(10L, Set.of(1L, 2L), 11L, Set.of(3L), 12L, Set.of(4L));
    List<Long> ids =
        PersonIds.assign(before, List.of(Set.of(3L), Set.of(1L, 2L), Set.of(4L), Set.of(5L)));
    assertThat(ids).containsExactly(11L, 10L, 12L, null);
  }

  @Test
  void aGrownPersonKeepsItsIdWhenTheOverlapIsClear() {
    Map<Long, Set<Long>> before = Map.of(10L, Set.of(1L, 2L), 11L, Set.of(3L));
    // record 5 is new and joins person 10; person 11 is unchanged
    assertThat(PersonIds.assign(before, List.of(Set.of(1L, 2L, 5L), Set.of(3L))))
        .containsExactly(10L, 11L);
  }

  @Test
  void aSplitKeepsTheIdOnlyOnTheClearlyLargerSide() {
    Map<Long, Set<Long>> before = Map.of(10L, Set.of(1L, 2L, 3L), 20L, Set.of(7L, 8L));
    assertThat(PersonIds.assign(before, List.of(Set.of(1L, 2L), Set.of(3L))))
        .containsExactly(10L, null);
    // an even split is ambiguous: both sides get new ids
    assertThat(PersonIds.assign(before, List.of(Set.of(7L), Set.of(8L))))
        .containsExactly(null, null);
  }

  @Test
  void aMergeKeepsNoIdWhenTwoEarlierPersonsContributeEqually() {
    Map<Long, Set<Long>> before = Map.of(10L, Set.of(1L), 11L, Set.of(2L));
    assertThat(PersonIds.assign(before, List.of(Set.of(1L, 2L)))).containsExactly((Long) null);
    Map<Long, Set<Long>> unequal = Map.of(10L, Set.of(1L, 3L), 11L, Set.of(2L));
    assertThat(PersonIds.assign(unequal, List.of(Set.of(1L, 2L, 3L)))).containsExactly(10L);
  }

  @Test
  void anIdIsGivenOnce() {
    Map<Long, Set<Long>> before = Map.of(10L, Set.of(1L, 2L));
    assertThat(PersonIds.assign(before, List.of(Set.of(1L, 2L), Set.of(1L, 2L))))
        .containsExactly(10L, null);
  }
}
