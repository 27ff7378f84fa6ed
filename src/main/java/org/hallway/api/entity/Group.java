package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Hallway's group, in Mastodon's style (string ids, snake_case, ISO times): what it is, who can see
 * it, how many members it has, the signed-in colleague's standing in it, and the directory group its
 * membership follows, if any.
 */
public record Group(
        String id,
        String name,
        String description,
        String privacy,
        String url,
        String createdAt,
        boolean archived,
        int membersCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Relationship relationship,
        @Nullable String directoryGroupId) {

    /** The signed-in colleague's standing: a member (with role {@code admin} or {@code member}), or a pending request. */
    public record Relationship(boolean member, @Nullable String role, boolean requested) {}
}
