package org.hallway.identity.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request a page makes by itself (htmx, the live event stream, a script's fetch, a picture) rather
 * than a page the colleague opens or a form they send. Browsers say so in {@code Sec-Fetch-Mode}; the
 * other two headers name htmx and the event stream where a browser does not.
 */
final class BackgroundRequest {
    private BackgroundRequest() {}

    static boolean is(HttpServletRequest req) {
        var mode = req.getHeader("Sec-Fetch-Mode");
        return (mode != null && !mode.equals("navigate"))
                || req.getHeader("HX-Request") != null
                || String.valueOf(req.getHeader("Accept")).contains("text/event-stream");
    }
}
