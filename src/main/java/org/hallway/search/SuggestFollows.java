package org.hallway.search;

import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** Who to follow: the reader's team, their department, and colleagues their followees follow. */
@Service
public class SuggestFollows {
    public static final int MAX_LIMIT = 80;

    private final Discovery discovery;

    private final Visibility audience;

    SuggestFollows(Discovery discovery, Visibility audience) {
        this.discovery = discovery;
        this.audience = audience;
    }

    public List<Discovery.Candidate> handle(Viewer viewer, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        // Suggestions come from the whole company, which guests do not see.
        if (audience.isGuest(viewer)) return List.of();
        return discovery.followCandidates(viewer.networkId(), viewer.accountId(), limit);
    }
}
