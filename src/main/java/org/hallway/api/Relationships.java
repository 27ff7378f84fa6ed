package org.hallway.api;

import java.util.Collection;
import java.util.List;
import org.hallway.api.entity.Relationship;
import org.hallway.follow.FollowStore;
import org.hallway.follow.NoteStore;
import org.hallway.follow.RelationStore;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/** Mastodon's Relationship entities for a set of colleagues, in a fixed number of queries. */
@Component
class Relationships {
    private final FollowStore follows;
    private final RelationStore relations;
    private final NoteStore notes;

    Relationships(FollowStore follows, RelationStore relations, NoteStore notes) {
        this.notes = notes;
        this.follows = follows;
        this.relations = relations;
    }

    /** The relationships with the given (known, distinct) accounts, in their order. */
    List<Relationship> of(Viewer viewer, Collection<Long> ids) {
        long self = viewer.accountId();
        var following = follows.followingAmong(self, ids);
        var followedBy = follows.followedByAmong(self, ids);
        var mutes = relations.mutesAmong(self, ids);
        var blocking = relations.blockingAmong(self, ids);
        var blockedBy = relations.blockedByAmong(self, ids);
        var notifying = follows.notifyingAmong(self, ids);
        // The reader's own notes only: nobody else's note on an account is ever read here.
        var noted = notes.notesAmong(self, ids);
        return ids.stream()
                .map(id -> {
                    var mute = mutes.get(id);
                    return Relationship.of(
                                    id,
                                    following.contains(id),
                                    followedBy.contains(id),
                                    notifying.contains(id),
                                    blocking.contains(id),
                                    blockedBy.contains(id),
                                    mute != null,
                                    mute != null && mute.notifications())
                            .withNote(noted.getOrDefault(id, ""));
                })
                .toList();
    }

    Relationship of(Viewer viewer, long id) {
        return of(viewer, List.of(id)).getFirst();
    }
}
