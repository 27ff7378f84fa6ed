package org.hallway.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audience's answers kept beside a reader's home feed ids (ADR 0049). */
class HomeIdsTest {
    private static final Set<Long> SHOWN = Set.of(9L, 7L, 5L, 3L);

    private final HomeIds ids = loaded(1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void answersFromWhatWasFiledUnderTheSameEpochOnly() {
        var candidates = ids.below(Long.MAX_VALUE, 0, 9).ids();
        assertThat(ids.shownAmong(candidates, 3, 10)).isNull();

        ids.file(10, candidates, candidates.length, SHOWN::contains);
        assertThat(ids.shownAmong(candidates, 3, 10)).containsExactly(9, 7, 5);
        assertThat(ids.shownAmong(candidates, 20, 10)).containsExactly(9, 7, 5, 3);
        assertThat(ids.shownAmong(ids.above(0, Long.MAX_VALUE, 9).ids(), 2, 10)).containsExactly(3, 5);
        assertThat(ids.shownAmong(candidates, 3, 11)).isNull();
    }

    @Test
    void needsAnAnswerForEveryCandidateUpToTheLastOneShown() {
        var candidates = ids.below(Long.MAX_VALUE, 0, 9).ids();
        // Answers for 9, 8, 7 and 6 only, as from a query that found two of two asked.
        ids.file(10, candidates, 4, SHOWN::contains);
        assertThat(ids.shownAmong(candidates, 2, 10)).containsExactly(9, 7);
        assertThat(ids.shownAmong(candidates, 3, 10)).isNull();
    }

    @Test
    void aNewerEpochDropsOlderAnswersAndAnOlderOneIsNotFiled() {
        var candidates = ids.below(Long.MAX_VALUE, 0, 9).ids();
        ids.file(10, candidates, candidates.length, SHOWN::contains);
        ids.file(12, candidates, 2, id -> true);
        assertThat(ids.shownAmong(candidates, 2, 12)).containsExactly(9, 8);
        assertThat(ids.shownAmong(candidates, 3, 12)).isNull();

        // A query that raced a change files under the epoch it started with: never read again.
        ids.file(11, candidates, candidates.length, id -> false);
        assertThat(ids.shownAmong(candidates, 2, 12)).containsExactly(9, 8);
        assertThat(ids.shownAmong(candidates, 2, 11)).isNull();
    }

    @Test
    void answersFollowTheirIdsThroughAddsRemovalsAndTrims() {
        var candidates = ids.below(Long.MAX_VALUE, 0, 9).ids();
        ids.file(10, candidates, candidates.length, SHOWN::contains);

        ids.add(10);
        assertThat(ids.shownAmong(ids.below(Long.MAX_VALUE, 0, 9).ids(), 2, 10)).isNull();
        assertThat(ids.shownAmong(ids.below(10, 0, 9).ids(), 2, 10)).containsExactly(9, 7);

        ids.remove(List.of(9L, 8L));
        assertThat(ids.shownAmong(ids.below(10, 0, 9).ids(), 2, 10)).containsExactly(7, 5);

        ids.trimTo(4);
        assertThat(ids.shownAmong(ids.below(10, 0, 9).ids(), 9, 10)).containsExactly(7, 5);
        assertThat(ids.oldest()).isEqualTo(5);
    }

    private static HomeIds loaded(long... ascending) {
        var ids = new HomeIds(100);
        var newestFirst = new java.util.ArrayList<Long>();
        for (int i = ascending.length - 1; i >= 0; i--) newestFirst.add(ascending[i]);
        ids.loadIfNeeded(() -> newestFirst);
        return ids;
    }
}
