package org.hallway.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A colleague as the identity provider manages them over SCIM: the account's id, its handle, and what
 * the provider last sent.
 */
public record ScimUser(long id, long networkId, String handle, Data data, Instant created, Instant updated) {

    /**
     * What an identity provider sets: the core User attributes and the enterprise extension that
     * Hallway keeps. {@code password} is write-only: sent on create or change, never stored here.
     */
    public record Data(
            String userName,
            @Nullable String externalId,
            String givenName,
            String familyName,
            String displayName,
            String email,
            String title,
            String phone,
            String department,
            String employeeNumber,
            @Nullable Long managerId,
            boolean active,
            @Nullable String password) {

        public Data withoutPassword() {
            return new Data(
                    userName,
                    externalId,
                    givenName,
                    familyName,
                    displayName,
                    email,
                    title,
                    phone,
                    department,
                    employeeNumber,
                    managerId,
                    active,
                    null);
        }
    }
}
