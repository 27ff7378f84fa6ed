package org.hallway.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.shared.InvalidInputException;

/**
 * Several profile inputs broke their rules at once; {@link #errors()} maps each field to its message
 * so a form can show all of them, and the API answers the first.
 */
public class ProfileErrors extends InvalidInputException {
    private final Map<String, String> errors;

    ProfileErrors(Map<String, String> errors) {
        super(errors.keySet().iterator().next(), errors.values().iterator().next());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Collects messages, the first per field. */
    static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        void add(InvalidInputException e) {
            add(e.field() == null ? "general" : e.field(), e.getMessage());
        }

        boolean any() {
            return !errors.isEmpty();
        }

        void throwIfAny() {
            if (any()) throw new ProfileErrors(errors);
        }
    }
}
