package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Under an overload the log gets a line per interval with a count, not a line per request turned away. */
class TurnedAwayTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TurnedAway log = new TurnedAway(Duration.ofSeconds(10), now::get);

    @Test
    void theFirstRequestTurnedAwayAfterAQuietSpellGetsALineOfItsOwn() {
        assertThat(log.note("GET", "/api/v1/timelines/home"))
                .isEqualTo("Busy: turned away GET /api/v1/timelines/home with 503");
    }

    @Test
    void thoseThatFollowWithinTheIntervalAreCountedInTheNextLine() {
        log.note("GET", "/api/v1/timelines/home");
        for (int i = 0; i < 1_000; i++) {
            now.addAndGet(Duration.ofMillis(5).toNanos());
            assertThat(log.note("GET", "/api/v1/timelines/home")).isNull();
        }
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(log.note("POST", "/api/v1/statuses"))
                .isEqualTo(
                        "Busy: turned away 1001 requests with 503 in the last 10 s, the latest POST /api/v1/statuses");
        assertThat(log.note("GET", "/api/v1/timelines/home")).isNull();
    }

    @Test
    void theLastOfAnOverloadAreReportedOnceTheIntervalHasPassed() {
        log.note("GET", "/api/v1/timelines/home");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        log.note("GET", "/api/v1/notifications");
        log.note("GET", "/api/v1/timelines/home");
        assertThat(log.flush()).isNull();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(log.flush())
                .isEqualTo(
                        "Busy: turned away 2 requests with 503 in the last 10 s, the latest GET /api/v1/timelines/home");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(log.flush()).isNull();
    }

    @Test
    void aLoneRequestAfterTheIntervalGetsALineOfItsOwnAgain() {
        log.note("GET", "/api/v1/timelines/home");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(log.note("GET", "/api/v1/notifications"))
                .isEqualTo("Busy: turned away GET /api/v1/notifications with 503");
    }
}
