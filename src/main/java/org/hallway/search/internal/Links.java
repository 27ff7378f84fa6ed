package org.hallway.search.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hallway.shared.TextEntities;
import org.jspecify.annotations.Nullable;

/**
 * The links of a post's text, normalized so that the same page written differently counts as one:
 * lower-case scheme and host, no default port, no fragment, no tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid} …), an empty path as {@code /}. Only http and https links, at most
 * {@value #MAX_LINKS} per post and {@value #MAX_LENGTH} characters each.
 */
public final class Links {
    public static final int MAX_LINKS = 10;
    public static final int MAX_LENGTH = 2000;
    private static final Pattern TRACKING =
            Pattern.compile("(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid)$");

    private Links() {}

    public static List<String> in(String text) {
        var found = new LinkedHashSet<String>();
        for (var link : TextEntities.links(text)) {
            var url = normalize(link.value());
            if (url != null) found.add(url);
            if (found.size() == MAX_LINKS) break;
        }
        return List.copyOf(found);
    }

    /** The normalized form of one link, or null when it is no http(s) link worth counting. */
    public static @Nullable String normalize(String raw) {
        if (raw.length() > MAX_LENGTH) return null;
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) return null;
        int port = uri.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var sb = new StringBuilder(scheme)
                .append("://")
                .append(host.toLowerCase(Locale.ROOT))
                .append(port < 0 ? "" : ":" + port)
                .append(path);
        var query = query(uri.getRawQuery());
        if (!query.isEmpty()) sb.append('?').append(query);
        return sb.toString();
    }

    /** The host of a normalized link, shown as its title when no preview was fetched. */
    public static String domain(String url) {
        try {
            var host = new URI(url).getHost();
            return host == null ? url : host.replaceFirst("^www\\.", "");
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static String query(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) return "";
        var kept = new ArrayList<String>();
        for (var part : raw.split("&")) {
            if (part.isEmpty()) continue;
            var name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            if (!TRACKING.matcher(name).matches()) kept.add(part);
        }
        return String.join("&", kept);
    }
}
