package org.hallway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hallway.directory.ColleagueProfile;
import org.jspecify.annotations.Nullable;

/** Reads the profile parts of update_credentials however a client encoded them; null when absent. */
final class ProfileParams {
    private static final Pattern INDEXED = Pattern.compile("fields_attributes\\[(\\d+)]\\[(name|value)]");
    private static final Pattern TYPED = Pattern.compile("profile_fields\\[(\\d+)]");

    private ProfileParams() {}

    /**
     * Compat(mastodon): {@code fields_attributes[0][name]} (forms, JSON objects or arrays), or
     * {@code fields_attributes[][name]} lists paired by position.
     */
    static @Nullable List<ColleagueProfile.Field> fields(Params params) {
        var indexed = new TreeMap<Integer, String[]>();
        for (var name : params.names()) {
            var m = INDEXED.matcher(name);
            if (!m.matches()) continue;
            var pair = indexed.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new String[2]);
            pair[m.group(2).equals("name") ? 0 : 1] = params.string(name);
        }
        var names = params.list("fields_attributes[][name]");
        var values = params.list("fields_attributes[][value]");
        if (indexed.isEmpty() && names.isEmpty() && values.isEmpty() && !params.has("fields_attributes")) return null;
        var result = new ArrayList<ColleagueProfile.Field>();
        indexed.values().forEach(p -> result.add(new ColleagueProfile.Field(nz(p[0]), nz(p[1]))));
        for (int i = 0; i < Math.max(names.size(), values.size()); i++) {
            result.add(new ColleagueProfile.Field(
                    i < names.size() ? names.get(i) : "", i < values.size() ? values.get(i) : ""));
        }
        return result;
    }

    static @Nullable List<String> skills(Params params) {
        if (!params.has("skills") && !params.has("skills[]")) return null;
        return params.list("skills");
    }

    static @Nullable Map<Long, String> values(Params params) {
        var result = new LinkedHashMap<Long, String>();
        for (var name : params.names()) {
            var m = TYPED.matcher(name);
            if (m.matches()) result.put(Long.parseLong(m.group(1)), nz(params.string(name)));
        }
        return result.isEmpty() ? null : result;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
