package org.hallway.web;

import org.jspecify.annotations.Nullable;

/**
 * What every page around its content needs: who is signed in, the network's name, the CSRF token for
 * forms and htmx, the path (to mark the current navigation entry), the unread notifications badge and
 * the page's language ({@code lang}, see {@link PageLanguage}).
 */
public record Chrome(
        @Nullable Me me,
        String networkName,
        Csrf csrf,
        String path,
        int maxCharacters,
        int unreadNotifications,
        String lang) {

    /** The signed-in colleague, as the navigation shows them; a guest sees no company-wide pages. */
    public record Me(long id, String username, String displayName, String avatar, boolean admin, boolean guest) {}

    public record Csrf(String parameterName, String headerName, String token) {
        /** The value of {@code hx-headers}, so that every htmx request carries the token. */
        public String htmxHeaders() {
            return "{\"" + headerName + "\":\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        }
    }

    public boolean signedIn() {
        return me != null;
    }

    public boolean guest() {
        return me != null && me.guest();
    }

    public boolean admin() {
        return me != null && me.admin();
    }

    /** The value of aria-current for a navigation link to {@code href}. */
    public @Nullable String current(String href) {
        boolean here = href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
        return here ? "page" : null;
    }

    public Chrome withUnreadNotifications(int count) {
        return new Chrome(me, networkName, csrf, path, maxCharacters, count, lang);
    }

    public boolean isMe(long accountId) {
        return me != null && me.id() == accountId;
    }
}
