package org.hallway.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A browser's EventSource, reduced to what tests need: it signs in through the login form (session
 * cookie, CSRF token), opens {@code /live} with an optional {@code Last-Event-ID} and keeps every event.
 */
public final class EventStreamClient implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One server-sent event. */
    public record Event(String id, String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    private EventStreamClient(HttpClient http, URI uri, String lastEventId) {
        this(http, uri, lastEventId, null);
    }

    private EventStreamClient(HttpClient http, URI uri, String lastEventId, String token) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        if (token != null) request.header("Authorization", "Bearer " + token);
        var started = new java.util.concurrent.CompletableFuture<Void>();
        reader = Thread.ofVirtual().start(() -> {
            try {
                var response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
                lines = response.body();
                started.complete(null);
                String id = null, name = null;
                var data = new StringBuilder();
                for (var line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (name != null || !data.isEmpty())
                            events.add(new Event(id, name == null ? "message" : name, data.toString()));
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) id = line.substring(3).strip();
                    else if (line.startsWith("event:")) name = line.substring(6).strip();
                    else if (line.startsWith("data:"))
                        data.append(line.substring(5).strip());
                }
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
        });
        started.join();
    }

    /** Signs in as the persona and opens the live stream of a feed. */
    public static EventStreamClient open(String base, Personas.Persona persona, String feed, String lastEventId)
            throws IOException, InterruptedException {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = CSRF.matcher(login.body());
        if (!csrf.find()) throw new IllegalStateException("No CSRF token on the login page");
        var form = "email=" + enc(persona.email()) + "&password=" + enc(Personas.PASSWORD) + "&_csrf="
                + enc(csrf.group(1));
        var signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login"))
            throw new IllegalStateException("Sign-in failed");
        return new EventStreamClient(http, URI.create(base + "/live?feed=" + feed), lastEventId);
    }

    /** Opens one of Mastodon's streams over HTTP (e.g. {@code /api/v1/streaming/user}) as an app does. */
    public static EventStreamClient mastodon(String base, String path, String token) {
        return new EventStreamClient(HttpClient.newHttpClient(), URI.create(base + path), null, token);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The data of the events with this name, in the order they came. */
    public List<String> data(String name) {
        return events.stream()
                .filter(e -> e.name().equals(name))
                .map(Event::data)
                .toList();
    }

    /** Whether the server ended the stream (the response body is finished). */
    public boolean ended() {
        return !reader.isAlive();
    }

    @Override
    public void close() {
        var l = lines;
        if (l != null) l.close();
        reader.interrupt();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
