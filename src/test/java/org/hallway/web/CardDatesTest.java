package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hallway.testing.MovingClock;
import org.junit.jupiter.api.Test;

/** A card's date texts are formatted once per instant, and its relative age still follows the clock. */
class CardDatesTest {

    @Test
    void aPostsAgeMovesWithTheClockWhileItsDatesStay() {
        var clock = new MovingClock(Instant.parse("2026-03-04T10:00:00Z"));
        var cards = new Cards(null, clock, null, null, null);
        var posted = Instant.parse("2026-03-04T09:55:00Z");

        var fresh = cards.when(posted);
        assertThat(fresh.relative()).isEqualTo("5m");
        assertThat(fresh.iso()).isEqualTo("2026-03-04T09:55:00Z");
        assertThat(fresh.full()).isEqualTo("Wednesday, March 4, 2026 at 09:55 UTC");

        clock.advance(Duration.ofHours(3));
        assertThat(cards.when(posted).relative()).isEqualTo("3h");
        clock.advance(Duration.ofDays(30));
        assertThat(cards.when(posted).relative()).isEqualTo("Mar 4");
        clock.advance(Duration.ofDays(365));
        var old = cards.when(posted);
        assertThat(old.relative()).isEqualTo("Mar 4, 2026");
        assertThat(old.iso()).isEqualTo(fresh.iso());
        assertThat(old.full()).isEqualTo(fresh.full());
    }
}
