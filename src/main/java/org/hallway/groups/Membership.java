package org.hallway.groups;

import org.jspecify.annotations.Nullable;

/** One colleague's standing in one group: a member (with a role), waiting for approval, or neither. */
public record Membership(Member.@Nullable Role role, boolean requested) {
    public static final Membership NONE = new Membership(null, false);

    public boolean member() {
        return role != null;
    }

    public boolean admin() {
        return role == Member.Role.ADMIN;
    }
}
