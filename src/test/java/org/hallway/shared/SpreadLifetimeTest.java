package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Entries made together do not expire together. */
class SpreadLifetimeTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void lifetimesOfIdsMadeInOneMillisecondSpreadOverTheLastThird() {
        long first = Ids.floorOf(Instant.parse("2026-12-07T08:00:00Z").toEpochMilli());
        var lifetimes = LongStream.range(first, first + 1_000)
                .mapToObj(id -> SpreadLifetime.of(Duration.ofSeconds(30), id))
                .toList();

        assertThat(lifetimes).allSatisfy(l -> assertThat(l).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30)));
        assertThat(lifetimes.stream().map(Duration::toSeconds).distinct()).hasSize(10);
    }

    @Test
    void entriesWrittenInOneInstantExpireOverTheLastThirdOfTheLifetime() {
        var now = new AtomicLong();
        Cache<Long, String> cache = Caffeine.newBuilder()
                .ticker(now::get)
                .executor(Runnable::run)
                .expireAfter(SpreadLifetime.<Long, String>afterWrite(FIVE_MINUTES, Long::longValue))
                .build();
        long first = Ids.floorOf(Instant.parse("2026-12-07T08:00:00Z").toEpochMilli());
        for (long id = first; id < first + 1_000; id++) cache.put(id, "token");

        now.set(Duration.ofSeconds(200).minusMillis(1).toNanos());
        assertThat(present(cache, first)).isEqualTo(1_000);
        now.set(Duration.ofSeconds(250).toNanos());
        assertThat(present(cache, first)).isBetween(300L, 700L);
        now.set(FIVE_MINUTES.toNanos());
        assertThat(present(cache, first)).isZero();
    }

    private static long present(Cache<Long, String> cache, long first) {
        return LongStream.range(first, first + 1_000)
                .filter(id -> cache.getIfPresent(id) != null)
                .count();
    }
}
