package org.hallway.scheduled;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;

/** Port: posts waiting to be published. */
public interface ScheduledPostStore {
    void insert(ScheduledPost post);

    /** The author's scheduled post; another colleague's is absent. */
    Optional<ScheduledPost> find(long authorId, long id);

    /** A page of the author's scheduled posts, newest first (by id, as Mastodon pages them). */
    List<ScheduledPost> page(long authorId, PageRequest page);

    int count(long authorId);

    void reschedule(long id, Instant at);

    boolean delete(long id);

    /**
     * The earliest due post, locked until the end of the transaction; posts another node has locked are
     * skipped, so each is published by one node only.
     */
    Optional<ScheduledPost> lockNextDue(Instant now);
}
