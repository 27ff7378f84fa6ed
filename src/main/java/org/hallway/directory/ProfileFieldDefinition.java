package org.hallway.directory;

import java.util.List;
import java.util.Locale;

/**
 * A field an administrator adds to every profile of the network, with the type its values must
 * have. {@code directoryFed} fields are filled by the company directory and read-only for people
 * whose account comes from it.
 */
public record ProfileFieldDefinition(
        long id, long networkId, String name, Type type, List<String> choices, boolean directoryFed, int position) {

    public enum Type {
        TEXT("Text"),
        LINK("Link"),
        DATE("Date"),
        PERSON("Colleague"),
        CHOICE("List of choices");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }

        public static Type of(String code) {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** The form field name of this definition's value. */
    public String param() {
        return "field_" + id;
    }
}
