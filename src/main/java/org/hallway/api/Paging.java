package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** Mastodon paging: {@code max_id}, {@code since_id}, {@code min_id}, {@code limit} in; a Link header out. */
final class Paging {
    private Paging() {}

    static PageRequest from(Params params) {
        return new PageRequest(
                id(params, "max_id"),
                id(params, "since_id"),
                id(params, "min_id"),
                params.integer("limit", PageRequest.DEFAULT_LIMIT));
    }

    private static @Nullable Long id(Params params, String name) {
        var v = params.string(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " is not a valid id");
        }
    }

    /** The answer with a Link header holding absolute next (older) and prev (newer) URLs when there are items. */
    static <T> ResponseEntity<T> respond(
            T body, @Nullable Long nextMaxId, @Nullable Long prevMinId, HttpServletRequest request, BaseUrl baseUrl) {
        if (nextMaxId == null || prevMinId == null) return ResponseEntity.ok(body);
        var url = baseUrl.get()
                + request.getRequestURI().substring(request.getContextPath().length());
        var kept = keptQuery(request.getQueryString());
        var next = url + "?" + kept + "max_id=" + nextMaxId;
        var prev = url + "?" + kept + "min_id=" + prevMinId;
        return ResponseEntity.ok()
                .header("Link", "<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"")
                .body(body);
    }

    /**
     * The request's query without its paging ids, each parameter's values together in the order the
     * parameters first appear (as {@code UriComponentsBuilder} wrote it), ending with {@code &} when
     * anything is kept; the pieces stay as the client sent them. A string walk: the two builders it
     * replaces were 3% of a home page's CPU (ADR 0044).
     */
    static String keptQuery(@Nullable String query) {
        if (query == null || query.isEmpty()) return "";
        var byName = new java.util.LinkedHashMap<String, StringBuilder>();
        for (var piece : query.split("&")) {
            int eq = piece.indexOf('=');
            var name = eq < 0 ? piece : piece.substring(0, eq);
            if (name.isEmpty() || name.equals("max_id") || name.equals("min_id") || name.equals("since_id")) continue;
            byName.computeIfAbsent(name, n -> new StringBuilder()).append(piece).append('&');
        }
        var result = new StringBuilder(query.length() + 1);
        byName.values().forEach(result::append);
        return result.toString();
    }
}
