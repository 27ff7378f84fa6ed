package org.hallway.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Mastodon streaming client on the JDK's WebSocket: it keeps every message it receives, parsed. */
public final class StreamClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** How the token travels: the three ways Mastodon apps send it. */
    public enum TokenStyle {
        AUTHORIZATION_HEADER,
        QUERY_PARAMETER,
        SUBPROTOCOL
    }

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private StreamClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code /api/v1/streaming} with the query (e.g. {@code stream=user}) and the token sent in one style. */
    public static StreamClient connect(String httpBase, String query, String token, TokenStyle style) {
        var base = httpBase.replaceFirst("^http", "ws") + "/api/v1/streaming";
        var params = new ArrayList<String>();
        if (query != null && !query.isEmpty()) params.add(query);
        if (style == TokenStyle.QUERY_PARAMETER) params.add("access_token=" + token);
        var uri = URI.create(base + (params.isEmpty() ? "" : "?" + String.join("&", params)));
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (style == TokenStyle.AUTHORIZATION_HEADER) builder.header("Authorization", "Bearer " + token);
        if (style == TokenStyle.SUBPROTOCOL) builder.subprotocols(token);
        var holder = new StreamClient[1];
        var listener = new Collector(message -> holder[0].messages.add(JSON.readTree(message)));
        var socket = builder.buildAsync(uri, listener).join();
        holder[0] = new StreamClient(socket);
        listener.ready.complete(null);
        return holder[0];
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /**
     * Waits until the server has handled every message sent before: it answers an unknown stream with
     * an error, and handles a connection's messages in order.
     */
    public void sync() {
        long errors = errors();
        send("{\"type\":\"subscribe\",\"stream\":\"sync\"}");
        await().atMost(WAIT).until(() -> errors() > errors);
    }

    private long errors() {
        return messages.stream().filter(m -> m.has("error")).count();
    }

    public List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** Waits for a message of the given event type whose payload contains the text; returns it. */
    public JsonNode awaitEvent(String event, Predicate<JsonNode> matching) {
        var found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (var m : messages) {
                if (m.has("event") && m.get("event").asString().equals(event) && matching.test(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The status inside an update or status.update message. */
    public static JsonNode status(JsonNode message) {
        return JSON.readTree(message.get("payload").asString());
    }

    public static Predicate<JsonNode> statusId(String id) {
        return m -> status(m).get("id").asString().equals(id);
    }

    public boolean open() {
        return !socket.isInputClosed();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final java.util.function.Consumer<String> sink;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Collector(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                var text = partial.toString();
                partial.setLength(0);
                ready.thenRun(() -> sink.accept(text));
            }
            webSocket.request(1);
            return null;
        }
    }
}
