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

    /**
     * The relationship as Hallway knows it: follows both ways (showing the followee's reposts), whether
     * the reader hears of each post, blocks both ways, and a mute with or without notifications. Hallway
     * has no follow requests, domain blocks or endorsements; the private note is added by {@link
     * #withNote}.
     */
    public static Relationship of(
            long id,
            boolean following,
            boolean followedBy,
            boolean notifying,
            boolean blocking,
            boolean blockedBy,
            boolean muting,
            boolean mutingNotifications) {
        return new Relationship(
                Long.toString(id),
                following,
                following,
                notifying,
                null,
                followedBy,
                blocking,
                blockedBy,
                muting,
                mutingNotifications,
                false,
                false,
                false,
                false,
                "");
    }

    /** The relationship with the reader's private note on the account (empty when none). */
    public Relationship withNote(String note) {
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
}
