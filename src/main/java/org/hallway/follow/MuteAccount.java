package org.hallway.follow;

import java.time.Clock;
import java.time.Duration;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutes a colleague: their posts and reposts leave the muter's feeds, and with {@code notifications}
 * their notifications too, for {@code durationSeconds} (0: until unmuted). Muting again changes the
 * options and the expiry. Nobody is told.
 */
@Service
public class MuteAccount {
    /** Ten years: longer than any mute is meant; beyond it, mute without a duration. */
    private static final long MAX_DURATION = Duration.ofDays(3650).toSeconds();

    public record Command(long accountId, boolean notifications, long durationSeconds) {}

    private final RelationStore relations;
    private final AccountStore accounts;
    private final Ids ids;
    private final Clock clock;

    MuteAccount(RelationStore relations, AccountStore accounts, Ids ids, Clock clock) {
        this.relations = relations;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, Command cmd) {
        if (cmd.accountId() == viewer.accountId()) throw new InvalidInputException("You can't mute yourself");
        if (cmd.durationSeconds() < 0 || cmd.durationSeconds() > MAX_DURATION)
            throw new InvalidInputException("duration", "Duration must be between 0 and " + MAX_DURATION + " seconds");
        accounts.find(viewer.networkId(), cmd.accountId()).orElseThrow(NotFoundException::record);
        var now = clock.instant();
        var expiresAt = cmd.durationSeconds() == 0 ? null : now.plusSeconds(cmd.durationSeconds());
        relations.mute(
                ids.next(),
                viewer.networkId(),
                viewer.accountId(),
                cmd.accountId(),
                cmd.notifications(),
                expiresAt,
                now);
    }
}
