package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Account, plus Hallway's work context ({@code title}, {@code department},
 * {@code location}, {@code manager}) as extra keys; the same facts also appear in {@code fields} so
 * that every Mastodon app shows them. {@code source} is set only for the signed-in colleague's own
 * account (CredentialAccount). A guest carries the highlighted role "Guest" in {@code roles}, which
 * Mastodon apps show as a badge beside the name, and {@code guest: true}.
 */
public record Account(
        String id,
        String username,
        String acct,
        String displayName,
        boolean locked,
        boolean bot,
        boolean discoverable,
        boolean indexable,
        boolean group,
        String createdAt,
        String note,
        String url,
        String uri,
        String avatar,
        String avatarStatic,
        String header,
        String headerStatic,
        int followersCount,
        int followingCount,
        int statusesCount,
        @Nullable String lastStatusAt,
        List<Object> emojis,
        List<Field> fields,
        List<AccountRole> roles,
        boolean guest,
        String title,
        String department,
        String location,
        @Nullable AccountRef manager,
        boolean deactivated,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Source source,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Role role) {

    public record Field(String name, String value, @Nullable String verifiedAt) {}

    /** Who someone's manager is, without the whole account. */
    public record AccountRef(String id, String username, String acct, String displayName, String url) {}

    public record Source(
            String privacy,
            boolean sensitive,
            String language,
            String note,
            List<Field> fields,
            int followRequestsCount,
            boolean indexable,
            boolean discoverable,
            boolean hideCollections) {}

    public record Role(String id, String name, String color, String permissions, boolean highlighted) {}

    /** Compat(mastodon): a publicly shown role (Account.roles). */
    public record AccountRole(String id, String name, String color) {
        public static final AccountRole GUEST = new AccountRole("guest", "Guest", "#b45309");
    }

    public Account withSource(Source source, @Nullable Role role) {
        return new Account(
                id,
                username,
                acct,
                displayName,
                locked,
                bot,
                discoverable,
                indexable,
                group,
                createdAt,
                note,
                url,
                uri,
                avatar,
                avatarStatic,
                header,
                headerStatic,
                followersCount,
                followingCount,
                statusesCount,
                lastStatusAt,
                emojis,
                fields,
                roles,
                guest,
                title,
                department,
                location,
                manager,
                deactivated,
                source,
                role);
    }
}
