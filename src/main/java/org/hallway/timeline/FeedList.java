package org.hallway.timeline;

import java.time.Instant;
import java.util.Set;
import org.hallway.shared.InvalidInputException;

/**
 * A colleague's own list of people they follow, read as a feed of its own. {@code repliesPolicy}
 * decides which replies by members the feed shows: to anyone the reader follows ({@code followed}),
 * to other members ({@code list}), or none; an {@code exclusive} list's members leave the home feed.
 */
public record FeedList(
        long id,
        long networkId,
        long accountId,
        String title,
        String repliesPolicy,
        boolean exclusive,
        Instant createdAt) {

    static final Set<String> REPLIES_POLICIES = Set.of("followed", "list", "none");
    static final int MAX_TITLE = 100;

    static String checkTitle(String title) {
        var t = title == null ? "" : title.strip();
        if (t.isEmpty()) throw new InvalidInputException("title", "Validation failed: Title can't be blank");
        if (t.length() > MAX_TITLE) throw new InvalidInputException("title", "Validation failed: Title is too long");
        return t;
    }

    static String checkRepliesPolicy(String policy) {
        if (!REPLIES_POLICIES.contains(policy)) {
            throw new InvalidInputException("replies_policy", "replies_policy must be followed, list or none");
        }
        return policy;
    }
}
