package org.hallway.web.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.identity.Scopes;

/** OAuth scopes in plain words, for the consent and authorized-apps pages. */
final class ScopeWords {
    private static final Map<String, String> TOP = Map.of(
            "read", "See everything you can see: feeds, posts, profiles, lists, likes, bookmarks and notifications",
            "write", "Post, edit and delete posts, like, bookmark and repost, and change your profile and lists",
            "follow", "Follow and unfollow colleagues and hashtags",
            "push", "Send notifications to your device",
            "profile", "See your name and profile",
            "admin:read", "See administrative data of the network, such as colleagues' accounts",
            "admin:write", "Administer the network: add and deactivate colleagues");

    private static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("accounts", "profile and account"),
            Map.entry("blocks", "blocks"),
            Map.entry("bookmarks", "bookmarks"),
            Map.entry("conversations", "conversations"),
            Map.entry("favourites", "likes"),
            Map.entry("filters", "filters"),
            Map.entry("follows", "follows"),
            Map.entry("lists", "lists"),
            Map.entry("media", "uploaded media"),
            Map.entry("mutes", "mutes"),
            Map.entry("notifications", "notifications"),
            Map.entry("reports", "reports"),
            Map.entry("search", "searches"),
            Map.entry("statuses", "posts"));

    private ScopeWords() {}

    static List<String> describe(Scopes scopes) {
        var words = new ArrayList<String>();
        for (var scope : scopes.values().stream().sorted().toList()) words.add(describe(scope));
        return words;
    }

    static String describe(String scope) {
        var top = TOP.get(scope);
        if (top != null) return top;
        int colon = scope.lastIndexOf(':');
        var prefix = scope.substring(0, colon);
        var area = AREAS.getOrDefault(
                scope.substring(colon + 1), scope.substring(colon + 1).replace('_', ' '));
        return switch (prefix) {
            case "read" -> "See your " + area;
            case "write" -> "Change your " + area;
            case "admin:read" -> "See administrative data: " + area;
            case "admin:write" -> "Administer " + area;
            default -> scope;
        };
    }
}
