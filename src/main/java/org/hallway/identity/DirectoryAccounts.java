package org.hallway.identity;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: accounts as a directory (LDAP, SCIM, OpenID Connect) sees them, by the directory's stable id
 * ({@code directory_source}, {@code external_id}).
 */
public interface DirectoryAccounts {
    record Linked(long accountId, String externalId, boolean active) {}

    /** The directory-fed fields of an account; null leaves a field as it is. */
    record Fields(
            String email,
            @Nullable String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location,
            @Nullable String phone,
            @Nullable String employeeNumber) {
        public Fields orEmpty(String fallbackName) {
            return new Fields(
                    email,
                    displayName == null ? fallbackName : displayName,
                    or(title),
                    or(department),
                    or(location),
                    or(phone),
                    or(employeeNumber));
        }

        private static String or(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    Optional<Long> findLinked(long networkId, String source, String externalId);

    List<Linked> linked(long networkId, String source);

    void insert(Account account, String source, String externalId, Fields fields);

    /** Links an account made by hand to the directory; accounts another directory feeds stay as they are. */
    void link(long accountId, String source, String externalId);

    /** Writes the fields; true when any of them changed. */
    boolean update(long networkId, long accountId, Fields fields);

    /** True when the manager changed. */
    boolean setManager(long networkId, long accountId, @Nullable Long managerId);
}
