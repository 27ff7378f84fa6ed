package org.hallway.api.streaming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hallway.identity.AuthenticateToken;
import org.hallway.identity.SignedIn;
import org.hallway.shared.Viewer;
import org.hallway.stream.Channel;
import org.hallway.stream.Delivery;
import org.hallway.stream.Subscriber;
import org.hallway.stream.Switchboard;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket connection of a Mastodon app: the stream named in the URL ({@code ?stream=}), and more
 * streams subscribed and unsubscribed by messages such as {@code {"type":"subscribe","stream":"hashtag",
 * "tag":"x"}}. Events are Mastodon's {@code update}, {@code status.update}, {@code delete},
 * {@code notification} and {@code conversation} (on the {@code direct} stream), with the payload a JSON
 * string, exactly as Mastodon sends them. Hallway adds the {@code group} stream ({@code &group=<id>}).
 */
@Component
class StreamingHandler extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamingHandler.class);

    private final Switchboard switchboard;
    private final MastodonEvents events;
    private final JsonMapper json;
    private final AuthenticateToken authenticate;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    StreamingHandler(Switchboard switchboard, MastodonEvents events, JsonMapper json, AuthenticateToken authenticate) {
        this.switchboard = switchboard;
        this.events = events;
        this.json = json;
        this.authenticate = authenticate;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        var session = raw;
        var signedIn =
                raw.getPrincipal() instanceof Authentication a && a.getPrincipal() instanceof SignedIn s ? s : null;
        if (signedIn == null || signedIn.viewer() == null) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("This stream requires an authenticated user"));
            return;
        }
        var base = (String) raw.getAttributes().get(StreamingConfig.BASE_URL);
        var token = raw.getPrincipal() instanceof BearerTokenAuthentication b
                ? b.getToken().getTokenValue()
                : null;
        var connection = new Connection(session, signedIn, base, token);
        connections.put(raw.getId(), connection);
        events.opened(base);
        var query = raw.getUri() == null
                ? Map.<String, List<String>>of()
                : UriComponentsBuilder.fromUri(raw.getUri()).build().getQueryParams();
        var stream = first(query, "stream");
        if (stream != null) {
            var parsed = events.readable(
                    MastodonStream.parse(decode(stream), decode(first(query, "tag")), decode(first(query, "group"))),
                    signedIn.viewer());
            if (parsed.stream().isEmpty() || !parsed.stream().get().allowedFor(signedIn)) {
                var message =
                        parsed.stream().isEmpty() ? parsed.error() : "Access token does not have the required scopes";
                connection.error(message, parsed.stream().isEmpty() ? 400 : 401);
                session.close(CloseStatus.POLICY_VIOLATION);
                return;
            }
            connection.subscribe(parsed.stream().get());
        }
        connection.registration = switchboard.register(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) throws IOException {
        var connection = connections.get(raw.getId());
        if (connection == null) return;
        Map<?, ?> request;
        try {
            request = json.readValue(message.getPayload(), Map.class);
        } catch (JacksonException e) {
            connection.error("Invalid JSON", 400);
            return;
        }
        var type = String.valueOf(request.get("type"));
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            connection.error("Unknown message type", 400);
            return;
        }
        var parsed = MastodonStream.parse(
                string(request.get("stream")), string(request.get("tag")), string(request.get("group")));
        if (type.equals("subscribe")) parsed = events.readable(parsed, connection.viewer);
        if (parsed.stream().isEmpty()) {
            connection.error(parsed.error(), 400);
            return;
        }
        var stream = parsed.stream().get();
        if (type.equals("unsubscribe")) {
            connection.unsubscribe(stream);
        } else if (!stream.allowedFor(connection.signedIn)) {
            connection.error("Access token does not have the required scopes", 401);
        } else {
            connection.subscribe(stream);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        var connection = connections.remove(raw.getId());
        if (connection == null) return;
        events.closed(connection.base);
        if (connection.registration != null) connection.registration.close();
    }

    /** Pings find connections that died silently (and keep proxies from closing idle ones). */
    @Scheduled(fixedDelayString = "PT30S")
    void ping() {
        for (var c : connections.values())
            Thread.ofVirtual().name("streaming-ping").start(c::ping);
    }

    @Override
    public void handleTransportError(WebSocketSession raw, Throwable exception) {
        log.debug("Streaming connection failed", exception);
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        var values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static @Nullable String decode(@Nullable String value) {
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** A stream a connection listens to: the names its events carry, and the key of its shared frames. */
    private record Listening(List<String> names, String frameKey) {}

    /** An event's whole frame on one stream at one address: shared by every connection listening there. */
    private record FrameKey(String event, String stream) {}

    /**
     * One client's socket. Every write to it (events, pings, errors) holds {@code sendLock}, so a
     * socket has one writer at a time: the events of a run of deliveries are held in {@code held} and
     * written on {@link #flush} in one batch, the frames shared with other connections as the very bytes
     * built once (ADR 0043).
     */
    private final class Connection implements Subscriber {
        private final WebSocketSession session;
        private final @Nullable EncodedText text;
        private final ReentrantLock sendLock = new ReentrantLock();
        private final ArrayList<byte[]> held = new ArrayList<>();
        private final SignedIn signedIn;
        private final Viewer viewer;
        private final String base;
        private final @Nullable String token;
        private final Map<Channel, Listening> streams = new ConcurrentHashMap<>();
        private volatile Set<Channel> channels = Set.of();
        private volatile Switchboard.@Nullable Registration registration;

        Connection(WebSocketSession session, SignedIn signedIn, String base, @Nullable String token) {
            this.session = session;
            this.text = session instanceof NativeWebSocketSession n
                            && n.getNativeSession(jakarta.websocket.Session.class)
                                    instanceof jakarta.websocket.Session s
                    ? EncodedText.of(s)
                    : null;
            this.signedIn = signedIn;
            this.viewer = signedIn.viewer();
            this.base = base;
            this.token = token;
        }

        /** The token the handshake carried must still authenticate (it is held only in memory, never logged). */
        @Override
        public boolean authorized() {
            return token == null || authenticate.handle(token).isPresent();
        }

        @Override
        public void revoked() {
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("Access revoked"));
            } catch (IOException e) {
                log.debug("Closing a revoked stream failed", e);
            }
        }

        void subscribe(MastodonStream stream) {
            streams.put(stream.channel(), new Listening(stream.names(), base + " " + stream.names()));
            channelsChanged();
        }

        void unsubscribe(MastodonStream stream) {
            streams.remove(stream.channel());
            channelsChanged();
        }

        private void channelsChanged() {
            channels = Set.copyOf(streams.keySet());
            var r = registration;
            if (r != null) r.channelsChanged();
        }

        @Override
        public Viewer viewer() {
            return viewer;
        }

        /** Asked for every event by the switchboard: a snapshot, replaced when the streams change. */
        @Override
        public Set<Channel> channels() {
            return channels;
        }

        @Override
        public void deliver(Delivery delivery) {
            var listening = streams.get(delivery.channel());
            if (listening == null || !session.isOpen()) return;
            var event = events.render(delivery, signedIn, base);
            if (event.isEmpty()) return;
            var e = event.get();
            // The same bytes for every connection on the same stream at the same address: built once.
            held.add(
                    e.shared()
                            ? delivery.once(
                                    new FrameKey(e.name(), listening.frameKey()), () -> frame(listening.names(), e))
                            : frame(listening.names(), e));
        }

        /** Writes the events held since the last flush, each its own message, in one batch of writes. */
        @Override
        public void flush() {
            if (held.isEmpty()) return;
            sendLock.lock();
            try {
                if (!session.isOpen()) return;
                if (text == null) {
                    for (var frame : held) session.sendMessage(new TextMessage(frame));
                    return;
                }
                text.beginBatch();
                try {
                    for (var frame : held) text.send(frame);
                } finally {
                    text.endBatch();
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Streaming send failed", e);
            } finally {
                held.clear();
                sendLock.unlock();
            }
        }

        @Override
        public void overflowed() {
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException e) {
                log.debug("Closing a lagging stream failed", e);
            }
        }

        /** A socket busy writing events is alive: only an idle one is pinged. */
        void ping() {
            if (!sendLock.tryLock()) return;
            try {
                if (session.isOpen()) session.sendMessage(new PingMessage());
            } catch (IOException | RuntimeException e) {
                log.debug("Streaming ping failed", e);
            } finally {
                sendLock.unlock();
            }
        }

        void error(String message, int status) {
            var body = new LinkedHashMap<String, Object>();
            body.put("error", message);
            body.put("status", status);
            sendRaw(json.writeValueAsString(body));
        }

        private byte[] frame(List<String> names, MastodonEvents.Event event) {
            var body = new LinkedHashMap<String, Object>();
            body.put("stream", names);
            body.put("event", event.name());
            body.put("payload", event.payload());
            return json.writeValueAsBytes(body);
        }

        private void sendRaw(String message) {
            sendLock.lock();
            try {
                session.sendMessage(new TextMessage(message));
            } catch (IOException | RuntimeException e) {
                log.debug("Streaming send failed", e);
            } finally {
                sendLock.unlock();
            }
        }
    }
}
