package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Admin::Account, as reports name their colleagues to administrators. Hallway's accounts
 * are local and confirmed by the directory; a deactivated colleague shows as {@code disabled}.
 */
public record AdminAccount(
        String id,
        String username,
        @Nullable String domain,
        String createdAt,
        String email,
        @Nullable String ip,
        List<Object> ips,
        String locale,
        @Nullable String inviteRequest,
        Role role,
        boolean confirmed,
        boolean approved,
        boolean disabled,
        boolean silenced,
        boolean suspended,
        Account account) {

    /** Mastodon's Role, reduced to its name. */
    public record Role(String id, String name, String color, String permissions, boolean highlighted) {}
}
