package org.hallway.search;

import java.time.Instant;
import java.util.List;

/** Port: the counts trends and follow suggestions are made of, read from the source of truth. */
public interface Discovery {
    /** Uses of one hashtag (or, for link trends, one link's URL) in company-wide posts on one day (UTC). */
    record TagDay(String tag, Instant day, int uses, int accounts) {}

    /** Per tag and day since {@code since}, optionally only posts by one department. */
    List<TagDay> tagDays(long networkId, Instant since, String department);

    /** Per link (its normalized URL in {@code tag}) and day since {@code since}, as {@link #tagDays}. */
    List<TagDay> linkDays(long networkId, Instant since, String department);

    /**
     * How much one post was engaged with: likes and reposts by others since {@code recentSince}, and
     * in the days before it.
     */
    record PostEngagement(long postId, Instant createdAt, int recent, int earlier) {}

    /**
     * The engagement since {@code since} of the company-wide original posts written since then that the
     * reader may see (not replies, not reposts, never a group's, a followers-only or a direct post, none
     * of a colleague the reader muted or blocked), optionally only posts by one department.
     */
    List<PostEngagement> postEngagement(
            long networkId, long viewerId, Instant since, Instant recentSince, String department);

    /** A colleague the reader might follow, with why. */
    record Candidate(long accountId, String source, int strength) {}

    /** Active colleagues the reader does not follow yet: team, department, followed by their followees. */
    List<Candidate> followCandidates(long networkId, long accountId, int limit);
}
