package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreUniqueAndGrowWithinOneMillisecond() {
        var ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        var seen = new HashSet<Long>();
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void idsCarryTheirTimeInTheHighBits() {
        var at = Instant.parse("2026-11-22T10:00:00Z");
        long id = new Ids(Clock.fixed(at, ZoneOffset.UTC)).next();
        assertThat(Ids.millisOf(id)).isEqualTo(at.toEpochMilli());
        assertThat(id).isGreaterThanOrEqualTo(Ids.floorOf(at.toEpochMilli()));
        assertThat(Ids.sequenceOf(id)).isZero();
    }

    @Test
    void idsOfOneMillisecondSpreadOverEveryShare() {
        var ids = new Ids(Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
        var counts = new int[10];
        for (int i = 0; i < 1_000; i++) counts[(int) Ids.spread(ids.next(), 10)]++;
        // About a hundred each: no share empty, none holding a crowd.
        assertThat(Arrays.stream(counts).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(60, 140));
    }
}
