package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.hallway.shared.Ids;
import org.junit.jupiter.api.Test;

/** Author cards made together do not expire together. */
class AuthorCardsLifetimeTest {
    @Test
    void cardsOfAuthorsMadeInOneMillisecondExpireSpreadOverTenSeconds() {
        long first = Ids.floorOf(Instant.parse("2026-12-07T08:00:00Z").toEpochMilli());
        var lifetimes = LongStream.range(first, first + 1_000)
                .mapToObj(AuthorCards::lifetime)
                .toList();
        assertThat(lifetimes).allSatisfy(l -> assertThat(l).isBetween(Duration.ofSeconds(20), AuthorCards.LIFETIME));
        assertThat(lifetimes.stream().map(Duration::toSeconds).distinct()).hasSize(10);
    }
}
