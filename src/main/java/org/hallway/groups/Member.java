package org.hallway.groups;

import java.time.Instant;
import java.util.Locale;

/** A group membership: who, with which role, since when. */
public record Member(long groupId, long accountId, Role role, Instant createdAt) {
    public enum Role {
        MEMBER,
        ADMIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
