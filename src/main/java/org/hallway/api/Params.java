package org.hallway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters however a client sent them: JSON body, form-urlencoded, multipart or query
 * string, with Rails-style brackets ({@code media_ids[]}, {@code id[]}) folded onto plain names.
 */
public final class Params {
    private final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
        this.values = values;
    }

    static Params empty() {
        return new Params(new LinkedHashMap<>());
    }

    public @Nullable String string(String name) {
        var list = list(name);
        return list.isEmpty() ? null : list.getFirst();
    }

    public String required(String name) {
        var v = string(name);
        if (v == null || v.isBlank()) throw new InvalidInputException(name, name + " is missing");
        return v;
    }

    public List<String> list(String name) {
        var direct = values.get(name);
        if (direct != null) return direct;
        var bracketed = values.get(name + "[]");
        return bracketed == null ? List.of() : bracketed;
    }

    public boolean bool(String name, boolean fallback) {
        var v = string(name);
        if (v == null || v.isBlank()) return fallback;
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new InvalidInputException(name, name + " must be true or false");
        };
    }

    public @Nullable Boolean boolOrNull(String name) {
        return string(name) == null ? null : bool(name, false);
    }

    public @Nullable Long id(String name) {
        var v = string(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " is not a valid id");
        }
    }

    public int integer(String name, int fallback) {
        var v = string(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a number");
        }
    }

    void add(String name, String value) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    java.util.Set<String> names() {
        return values.keySet();
    }
}
