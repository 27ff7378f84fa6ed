package org.hallway.media;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the rows describing uploaded media. */
public interface MediaStore {
    void insert(Media media);

    Optional<Media> find(long networkId, long id);

    /** By id alone, for file requests, whose signature then ties it to a network. */
    Optional<Media> find(long id);

    /** The given media, locked for update, so that two posts can't take the same upload at once. */
    List<Media> lockAll(long networkId, Collection<Long> ids);

    /** The attachments of the given posts, each post's in order, in one query. */
    Map<Long, List<Media>> forPosts(long networkId, Collection<Long> postIds);

    void updateDescription(Media media);

    /** Stores the result of processing; false if the row is gone (purged meanwhile). */
    boolean finish(Media media);

    /** Marks a processing upload failed with a reason; false if it is gone or no longer processing. */
    boolean fail(long id, String error);

    /** The uploads still processing, oldest first (to take up again at start). */
    List<Media> processing();

    /**
     * Attaches the media to the post in the given order; the post's other media are marked dropped:
     * they stay the post's (its edit history shows them) but are no longer among its attachments.
     */
    void attach(long postId, List<Long> orderedIds);

    /** Those of the given media that belong to the post, dropped ones included, in the order given. */
    List<Media> ofPost(long networkId, long postId, List<Long> ids);

    /** Those of the given media that the scheduled post holds, in the order given. */
    List<Media> heldFor(long networkId, long scheduledPostId, List<Long> ids);

    /** Those of the given media that a scheduled post holds. */
    java.util.Set<Long> held(Collection<Long> ids);

    /** Reserves unattached media for a scheduled post. */
    void hold(long scheduledPostId, List<Long> ids);

    /** Frees what a scheduled post held (it was published or cancelled). */
    void release(long scheduledPostId);

    /** Unattached media, held by no scheduled post, uploaded before the given instant, oldest first, at most {@code limit}. */
    List<Media> unattachedBefore(Instant before, int limit);

    /** Deletes those of the given media that are still unattached; returns their ids. */
    List<Long> deleteUnattached(Collection<Long> ids);
}
