package org.hallway.directory;

/**
 * One SCIM filter comparison Hallway answers from the database: {@code userName eq "x"},
 * {@code emails.value sw "a"}, {@code externalId co "b"}, {@code displayName eq "c"},
 * {@code members[value eq "d"]}. A filter is a list of them that must all hold.
 */
public record ScimQuery(Attribute attribute, Operator operator, String value) {
    public enum Attribute {
        ID,
        USER_NAME,
        EMAIL,
        EXTERNAL_ID,
        DISPLAY_NAME,
        MEMBER
    }

    public enum Operator {
        EQ,
        SW,
        EW,
        CO
    }

    /** The value as a SQL LIKE pattern (with {@code \} as escape) for this operator. */
    public String likePattern() {
        var v = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (operator) {
            case EQ -> v;
            case SW -> v + "%";
            case EW -> "%" + v;
            case CO -> "%" + v + "%";
        };
    }
}
