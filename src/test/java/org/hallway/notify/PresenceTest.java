package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;
import org.hallway.shared.Ids;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.MovingClock;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** When a colleague's activity reaches the database, against the real store. */
class PresenceTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    @Autowired
    ActivityStore activity;

    @Autowired
    MailSettings mail;

    @Autowired
    CatchUpSettings catchUp;

    Personas p;
    MovingClock clock;
    Presence presence;

    @BeforeEach
    void setUp() {
        p = factory.create();
        clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        presence = new Presence(activity, mail, catchUp, clock);
    }

    @Test
    void writesTheFirstSightAtOnceAndLaterOnesWithTheNextFlush() {
        var start = clock.instant();
        presence.seen(p.networkId, p.tom.id());
        assertThat(activity.lastActive(p.tom.id())).contains(start);

        // Seen again shortly before the stored time would make them away: still around, not yet written.
        clock.advance(mail.awayAfter().minus(Duration.ofMinutes(2)));
        presence.seen(p.networkId, p.tom.id());
        assertThat(activity.lastActive(p.tom.id())).contains(start);
        assertThat(presence.away(p.tom.id(), clock.instant().plus(Duration.ofMinutes(5))))
                .isFalse();

        presence.flush();
        assertThat(activity.lastActive(p.tom.id())).contains(clock.instant());
        assertThat(activity.lastReturn(p.tom.id())).isEmpty();
    }

    @Test
    void writesAReturnAfterAnAbsenceAtOnce() {
        var start = clock.instant();
        presence.seen(p.networkId, p.tom.id());

        clock.advance(catchUp.after().plus(Duration.ofMinutes(1)));
        presence.seen(p.networkId, p.tom.id());

        assertThat(activity.lastReturn(p.tom.id())).hasValueSatisfying(r -> {
            assertThat(r.awayFrom()).isEqualTo(start);
            assertThat(r.returnedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void writesAnAppsFirstSightAndAReturnThroughItWithTheNextFlush() {
        var start = clock.instant();
        presence.seenThroughApp(p.networkId, p.tom.id());
        assertThat(activity.lastActive(p.tom.id())).isEmpty();
        assertThat(presence.away(p.tom.id(), start)).isFalse();
        presence.flush();
        assertThat(activity.lastActive(p.tom.id())).contains(start);

        clock.advance(catchUp.after().plus(Duration.ofMinutes(1)));
        presence.seenThroughApp(p.networkId, p.tom.id());
        assertThat(activity.lastReturn(p.tom.id())).isEmpty();
        presence.flush();
        assertThat(activity.lastReturn(p.tom.id())).hasValueSatisfying(r -> {
            assertThat(r.awayFrom()).isEqualTo(start);
            assertThat(r.returnedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void writesEveryColleagueKeptInOneFlush() {
        var colleagues = List.of(p.alice.id(), p.bob.id(), p.eve.id());
        for (var id : colleagues) presence.seen(p.networkId, id);
        clock.advance(Duration.ofMinutes(2));
        for (var id : colleagues) presence.seen(p.networkId, id);
        var kept = clock.instant();

        presence.flush();

        for (var id : colleagues) assertThat(activity.lastActive(id)).contains(kept);
    }

    @Test
    void colleaguesSeenTogetherComeDueSpreadOverHalfAMinute() {
        long first = Ids.floorOf(Instant.parse("2026-12-07T08:00:00Z").toEpochMilli());
        var due = LongStream.range(first, first + 1_000)
                .mapToObj(Presence::writeEvery)
                .toList();
        assertThat(due).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90)));
        // Ids made in the same millisecond, as a directory sync makes them: spread over every second of it.
        assertThat(due.stream().map(Duration::toSeconds).distinct()).hasSize(30);
    }
}
