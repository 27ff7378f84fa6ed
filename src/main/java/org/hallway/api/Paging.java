package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

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
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var next = UriComponentsBuilder.fromUriString(baseUrl.get() + path)
                .query(request.getQueryString())
                .replaceQueryParam("min_id")
                .replaceQueryParam("since_id")
                .replaceQueryParam("max_id", nextMaxId)
                .build()
                .toUriString();
        var prev = UriComponentsBuilder.fromUriString(baseUrl.get() + path)
                .query(request.getQueryString())
                .replaceQueryParam("max_id")
                .replaceQueryParam("since_id")
                .replaceQueryParam("min_id", prevMinId)
                .build()
                .toUriString();
        return ResponseEntity.ok()
                .header("Link", "<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"")
                .body(body);
    }
}
