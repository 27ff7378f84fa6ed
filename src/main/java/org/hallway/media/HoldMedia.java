package org.hallway.media;

import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A scheduled post reserves the author's uploads until it is published or cancelled: held media is
 * not purged as unattached and no other post can take it. The same rules as {@link AttachMedia}
 * apply (own, unattached, processed, at most {@value MediaLimits#MAX_PER_POST}); runs inside the
 * transaction that stores the scheduled post, so a refused upload stores nothing.
 */
@Service
public class HoldMedia {
    private final MediaStore store;

    HoldMedia(MediaStore store) {
        this.store = store;
    }

    /** Holds the media for the scheduled post; returns the ids in order, without repeats. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> handle(Viewer author, long scheduledPostId, List<Long> ids) {
        var wanted = List.copyOf(new LinkedHashSet<>(ids));
        if (wanted.size() > MediaLimits.MAX_PER_POST)
            throw new InvalidInputException(
                    "media_ids", "A post can have at most " + MediaLimits.MAX_PER_POST + " attachments");
        var found = new java.util.HashMap<Long, Media>();
        for (var m : store.lockAll(author.networkId(), wanted)) found.put(m.id(), m);
        var held = store.held(wanted);
        for (var id : wanted) {
            var m = found.get(id);
            if (m == null || m.accountId() != author.accountId() || m.postId() != null || held.contains(id))
                throw new InvalidInputException(
                        "media_ids", "Media " + id + " was not found or is already attached to another post");
            if (m.status().equals(Media.FAILED))
                throw new InvalidInputException(
                        "media_ids", "Media " + id + " could not be processed (" + m.error() + "); upload it again");
        }
        store.hold(scheduledPostId, wanted);
        return wanted;
    }

    /** Frees what the scheduled post held, so a post can take it (publishing) or the purge remove it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long scheduledPostId) {
        store.release(scheduledPostId);
    }

    /** What the scheduled post holds, in its order, as its author sees it. */
    public List<Media> of(Viewer author, long scheduledPostId, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return store.heldFor(author.networkId(), scheduledPostId, ids).stream()
                .filter(m -> m.accountId() == author.accountId())
                .toList();
    }
}
