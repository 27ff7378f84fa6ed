package org.hallway.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A post takes the author's uploads, in the order given: at most {@value MediaLimits#MAX_PER_POST},
 * each the author's own, processed, and not attached to another post. Runs inside the transaction that writes the
 * post, so a refused attachment stores no post either. On an edit, the post's media left out are
 * marked dropped (they stay the post's, for its edit history), and alt texts and focal points may
 * change. Media a scheduled post holds is not free to attach.
 */
@Service
public class AttachMedia {
    /** One attachment's new alt text or focal point (Mastodon's {@code media_attributes[]}). */
    public record Attributes(long id, @Nullable String description, @Nullable String focus) {}

    /**
     * {@code ids} null leaves the post's media as they are (an edit that does not mention them);
     * an empty list attaches nothing (a new post) or removes all (an edit).
     */
    public record Command(@Nullable List<Long> ids, List<Attributes> attributes) {
        public static final Command NONE = new Command(null, List.of());

        public static Command of(List<Long> ids) {
            return new Command(ids, List.of());
        }
    }

    private final MediaStore store;

    AttachMedia(MediaStore store) {
        this.store = store;
    }

    /** Checks the command against the post's current media without changing anything: true if it will have media. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean willHaveMedia(Viewer author, long postId, Command cmd) {
        if (cmd.ids() != null) return !cmd.ids().isEmpty();
        return !store.forPosts(author.networkId(), List.of(postId)).isEmpty();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Media> handle(Viewer author, long postId, Command cmd) {
        var current = store.forPosts(author.networkId(), List.of(postId)).getOrDefault(postId, List.of());
        var wanted = cmd.ids() == null
                ? current.stream().map(Media::id).toList()
                : List.copyOf(new LinkedHashSet<>(cmd.ids()));
        if (wanted.size() > MediaLimits.MAX_PER_POST)
            throw new InvalidInputException(
                    "media_ids", "A post can have at most " + MediaLimits.MAX_PER_POST + " attachments");
        var found = new HashMap<Long, Media>();
        for (var m : store.lockAll(author.networkId(), wanted)) found.put(m.id(), m);
        var held = store.held(wanted);
        var attached = new ArrayList<Media>(wanted.size());
        for (var id : wanted) {
            var m = found.get(id);
            if (m == null
                    || m.accountId() != author.accountId()
                    || (m.postId() != null && m.postId() != postId)
                    || held.contains(id))
                throw new InvalidInputException(
                        "media_ids", "Media " + id + " was not found or is already attached to another post");
            if (m.processing())
                throw new InvalidInputException(
                        "media_ids", "Cannot attach files that have not finished processing. Try again in a moment!");
            if (!m.ready())
                throw new InvalidInputException(
                        "media_ids", "Media " + id + " could not be processed (" + m.error() + "); upload it again");
            attached.add(m);
        }
        for (var a : cmd.attributes()) {
            for (int i = 0; i < attached.size(); i++) {
                var m = attached.get(i);
                if (m.id() != a.id()) continue;
                var focus = a.focus() == null ? new float[] {m.focusX(), m.focusY()} : Descriptions.focus(a.focus());
                var text = a.description() == null ? m.description() : Descriptions.check(a.description());
                var changed = m.withDescription(text, focus[0], focus[1]);
                store.updateDescription(changed);
                attached.set(i, changed);
            }
        }
        store.attach(postId, wanted);
        return attached;
    }
}
