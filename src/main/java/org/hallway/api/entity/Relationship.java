package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's Relationship between the signed-in colleague and another. */
public record Relationship(
        String id,
        boolean following,
        boolean showingReblogs,
        boolean notifying,
        @Nullable List<String> languages,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean requested,
        boolean requestedBy,
        boolean domainBlocking,
        boolean endorsed,
        String note) {

    public static Relationship of(long id, boolean following, boolean followedBy) {
        return new Relationship(
                Long.toString(id),
                following,
                following,
                false,
                null,
                followedBy,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                "");
    }

    /** The same relationship with the blocks and mutes between the two colleagues. */
    public Relationship withBlocksAndMutes(
            boolean blocking, boolean blockedBy, boolean muting, boolean mutingNotifications) {
        return new Relationship(
                id,
                following,
                showingReblogs,
                notifying,
                languages,
                followedBy,
                blocking,
                blockedBy,
                muting,
                mutingNotifications,
                requested,
                requestedBy,
                domainBlocking,
                endorsed,
                note);
    }

    /** The same relationship, with whether the reader hears of each of the other's posts. */
    public Relationship withNotifying(boolean value) {
        return new Relationship(
                id,
                following,
                showingReblogs,
                value,
                languages,
                followedBy,
                blocking,
                blockedBy,
                muting,
                mutingNotifications,
                requested,
                requestedBy,
                domainBlocking,
                endorsed,
                note);
    }
}
