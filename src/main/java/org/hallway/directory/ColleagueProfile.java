package org.hallway.directory;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a profile holds beyond the account row: the phone number, where the account comes from,
 * the fields the colleague wrote, their skills and the values of the administrator's fields (by
 * definition id).
 */
public record ColleagueProfile(
        long accountId,
        String phone,
        String directorySource,
        List<Field> fields,
        List<String> skills,
        Map<Long, String> values) {

    /** A name/value pair the colleague wrote (Mastodon's profile field). */
    public record Field(String name, String value) {}

    public static ColleagueProfile empty(long accountId) {
        return new ColleagueProfile(accountId, "", "local", List.of(), List.of(), Map.of());
    }

    /** Whether the company directory feeds name, title, department, location and phone. */
    public boolean directoryFed() {
        return !"local".equals(directorySource);
    }

    public @Nullable String value(long definitionId) {
        return values.get(definitionId);
    }
}
