package org.hallway.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A colleague (or administrator) in one network, with the work context the profile shows. */
public record Account(
        long id,
        long networkId,
        String username,
        String email,
        String displayName,
        String bio,
        String title,
        String department,
        String location,
        @Nullable Long managerId,
        Role role,
        boolean active,
        Instant createdAt) {

    public enum Role {
        MEMBER,
        ADMIN,
        /** A partner or contractor who sees only the groups they are invited into. */
        GUEST;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
