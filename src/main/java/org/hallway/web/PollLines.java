package org.hallway.web;

import java.time.Duration;
import org.hallway.polls.Poll;

/** The words around a poll on a card: "3 votes · 2 hours left", "12 votes · Final results". */
public final class PollLines {
    private PollLines() {}

    public static String summary(Poll poll) {
        int count = poll.multiple() ? poll.votersCount() : poll.votesCount();
        var noun = poll.multiple() ? (count == 1 ? " person" : " people") : (count == 1 ? " vote" : " votes");
        return count + noun + " · " + (poll.expired() ? "Final results" : left(poll.remaining()));
    }

    static String left(Duration d) {
        if (d.toDays() >= 1) return plural(d.toDays(), "day") + " left";
        if (d.toHours() >= 1) return plural(d.toHours(), "hour") + " left";
        return plural(Math.max(1, d.toMinutes()), "minute") + " left";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
