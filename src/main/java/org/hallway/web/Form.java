package org.hallway.web;

import java.util.HashMap;
import java.util.Map;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** What a colleague typed into a form, and the messages to show next to its fields. */
public record Form(Map<String, String> values, Map<String, String> errors) {

    public static Form empty() {
        return new Form(Map.of(), Map.of());
    }

    /** Pairs of field name and value; null values count as empty. */
    public static Form of(String... namesAndValues) {
        var values = new HashMap<String, String>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Form(Map.copyOf(values), Map.of());
    }

    /** The form again with the domain's message next to the field it names ({@code general} when none). */
    public Form withError(InvalidInputException e, Map<String, String> fieldAliases) {
        var field = e.field() == null ? "general" : fieldAliases.getOrDefault(e.field(), e.field());
        var all = new HashMap<>(errors);
        all.put(field, e.getMessage());
        return new Form(values, Map.copyOf(all));
    }

    public String value(String name) {
        var v = values.get(name);
        return v == null ? "" : v;
    }

    public @Nullable String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    /** For {@code aria-describedby}: the id of the field's error message, when there is one. */
    public @Nullable String describedBy(String name) {
        return hasError(name) ? name + "-error" : null;
    }

    public boolean invalid(String name) {
        return hasError(name);
    }
}
