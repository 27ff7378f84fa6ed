package org.hallway.search.preview;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One outgoing GET for a link card (the page, then its picture), with the same rules for both: http and
 * https only; a host that resolves to a loopback, private, link-local, shared or multicast address is not
 * asked (unless {@code hallway.search.link-previews-private-addresses} allows it, for an intranet or a
 * test), and neither is such a host behind a redirect (redirects are followed here, at most {@link
 * #MAX_REDIRECTS}, each checked); 3 s to connect, 5 s to answer; only a 200 of an accepted type; at most
 * a number of bytes, the rest cut off or the whole answer refused.
 */
final class GuardedFetch {
    static final int MAX_REDIRECTS = 3;

    /** What came back: the address it finally came from (relative links resolve against it), its type and body. */
    record Fetched(URI uri, String contentType, byte[] body) {}

    private final HttpClient http;
    private final boolean privateAddresses;

    /** {@code proxy}: where requests go instead of straight to the host (none: straight). */
    GuardedFetch(boolean privateAddresses, java.net.@Nullable ProxySelector proxy) {
        this.privateAddresses = privateAddresses;
        var builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxy != null) builder.proxy(proxy);
        this.http = builder.build();
    }

    /**
     * GETs {@code uri}; empty when a rule above refuses it, it fails, or its type is not {@code accepted}.
     * A body longer than {@code maxBytes} is cut there when {@code cut}, else refused.
     */
    Optional<Fetched> get(URI uri, String accept, Predicate<String> accepted, int maxBytes, boolean cut)
            throws IOException, InterruptedException {
        var current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allowed(current)) return Optional.empty();
            var request = HttpRequest.newBuilder(current)
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", accept)
                    .header("User-Agent", "Hallway link preview")
                    .GET()
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    var location = response.headers().firstValue("Location");
                    if (location.isEmpty()) return Optional.empty();
                    current = current.resolve(location.get().strip());
                    continue;
                }
                var type = response.headers().firstValue("Content-Type").orElse("");
                if (status != 200 || !accepted.test(type.toLowerCase(Locale.ROOT))) return Optional.empty();
                long declared =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (!cut && declared > maxBytes) return Optional.empty();
                var bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    if (!cut) return Optional.empty();
                    bytes = java.util.Arrays.copyOf(bytes, maxBytes);
                }
                return Optional.of(new Fetched(current, type, bytes));
            }
        }
        return Optional.empty();
    }

    /** Whether a request may go to {@code uri}: its scheme, and every address its host resolves to. */
    boolean allowed(URI uri) {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return false;
        var host = uri.getHost();
        if (host == null || host.isBlank()) return false;
        if (privateAddresses) return true;
        try {
            for (var address : InetAddress.getAllByName(host)) if (!isPublic(address)) return false;
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Not loopback, unspecified, private (RFC 1918, IPv6 unique local), link-local, shared (RFC 6598) or multicast. */
    static boolean isPublic(@Nullable InetAddress a) {
        if (a == null
                || a.isAnyLocalAddress()
                || a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) return false;
        var b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 0 || first >= 240) return false; // "this network", reserved, broadcast
            if (first == 100 && second >= 64 && second < 128) return false; // shared address space
            if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking
            return true;
        }
        return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
    }
}
