package org.hallway.web.people;

import org.hallway.directory.ProfileFieldDefinition;

/** An administrator's profile field as the edit form shows it; read-only when the directory feeds it. */
public record TypedField(ProfileFieldDefinition definition, boolean readonly) {

    public String inputType() {
        return switch (definition.type()) {
            case LINK -> "url";
            case DATE -> "date";
            default -> "text";
        };
    }

    public String hint() {
        return switch (definition.type()) {
            case LINK -> "A web address starting with https://";
            case DATE -> "A date, like 2024-03-31.";
            case PERSON -> "A colleague's @username.";
            default -> null;
        };
    }
}
