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

    /** A colleague the reader might follow, with why. */
    record Candidate(long accountId, String source, int strength) {}

    /** Active colleagues the reader does not follow yet: team, department, followed by their followees. */
    List<Candidate> followCandidates(long networkId, long accountId, int limit);
}
