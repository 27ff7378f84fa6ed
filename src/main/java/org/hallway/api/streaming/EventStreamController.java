package org.hallway.api.streaming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hallway.api.BaseUrl;
import org.hallway.identity.AuthenticateToken;
import org.hallway.identity.SignedIn;
import org.hallway.shared.Viewer;
import org.hallway.stream.Channel;
import org.hallway.stream.Delivery;
import org.hallway.stream.Subscriber;
import org.hallway.stream.Switchboard;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Mastodon's streaming API over plain HTTP (Server-Sent Events), as Mastodon.py and other scripts
 * use it: {@code GET /api/v1/streaming/user}, {@code /user/notification}, {@code /public},
 * {@code /public/local}, {@code /hashtag?tag=}, {@code /hashtag/local?tag=}, {@code /direct} and
 * Hallway's {@code /group?group=}. One stream per request; the events are those of the WebSocket.
 */
@RestController
class EventStreamController {
    private static final Duration TIMEOUT = Duration.ofHours(12);

    private final Switchboard switchboard;
    private final MastodonEvents events;
    private final BaseUrl baseUrl;
    private final AuthenticateToken authenticate;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    EventStreamController(
            Switchboard switchboard, MastodonEvents events, BaseUrl baseUrl, AuthenticateToken authenticate) {
        this.switchboard = switchboard;
        this.events = events;
        this.baseUrl = baseUrl;
        this.authenticate = authenticate;
    }

    @GetMapping(
            path = {
                "/api/v1/streaming/{stream:user|public|hashtag|direct|group}",
                "/api/v1/streaming/{stream:user|public|hashtag}/{scope:notification|local}"
            },
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> stream(
            SignedIn signedIn,
            Principal principal,
            @PathVariable String stream,
            @PathVariable(required = false) @Nullable String scope,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String group) {
        var name = scope == null ? stream : stream + ":" + scope;
        var parsed = events.readable(MastodonStream.parse(name, tag, group), signedIn.viewer());
        if (parsed.stream().isEmpty()) return error(HttpStatus.BAD_REQUEST, parsed.error());
        var chosen = parsed.stream().get();
        if (!chosen.allowedFor(signedIn))
            return error(HttpStatus.UNAUTHORIZED, "Access token does not have the required scopes");

        var emitter = new ResponseBodyEmitter(TIMEOUT.toMillis());
        var token =
                principal instanceof BearerTokenAuthentication b ? b.getToken().getTokenValue() : null;
        var connection = new Connection(emitter, signedIn, chosen.channel(), baseUrl.get(), token);
        emitter.onCompletion(connection::close);
        emitter.onTimeout(connection::close);
        emitter.onError(e -> connection.close());
        open.add(connection);
        events.opened(connection.base);
        connection.registration = switchboard.register(connection);
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(emitter);
    }

    /** Compat(mastodon): a comment every few seconds ({@code :thump}) keeps proxies and clients from timing out. */
    @Scheduled(fixedDelayString = "PT15S")
    void heartbeat() {
        for (var c : open) {
            if (c.closed) open.remove(c);
            // On a thread of its own: a reader whose socket is full must not hold up the others.
            else Thread.ofVirtual().name("streaming-thump").start(() -> c.send(":thump\n"));
        }
    }

    /** A client that went away is no error: the stream simply ends. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void disconnected() {}

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }

    /** An event's whole text at one address: shared by every connection there. */
    private record TextKey(String event, String base) {}

    private final class Connection implements Subscriber {
        private final ResponseBodyEmitter emitter;
        /** Events of the current run of deliveries, written together on {@link #flush}. */
        private final List<ResponseBodyEmitter.DataWithMediaType> held = new ArrayList<>();

        private final SignedIn signedIn;
        private final Channel channel;
        private final String base;
        private final @Nullable String token;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile boolean closed;
        private volatile Switchboard.@Nullable Registration registration;

        Connection(
                ResponseBodyEmitter emitter, SignedIn signedIn, Channel channel, String base, @Nullable String token) {
            this.emitter = emitter;
            this.signedIn = signedIn;
            this.channel = channel;
            this.base = base;
            this.token = token;
        }

        /** The token the stream was opened with must still authenticate (held only in memory, never logged). */
        @Override
        public boolean authorized() {
            return token == null || authenticate.handle(token).isPresent();
        }

        @Override
        public Viewer viewer() {
            return signedIn.viewer();
        }

        @Override
        public Set<Channel> channels() {
            return Set.of(channel);
        }

        @Override
        public void deliver(Delivery delivery) {
            if (closed) return;
            events.render(delivery, signedIn, base)
                    .ifPresent(e -> held.add(new ResponseBodyEmitter.DataWithMediaType(
                            // The same bytes for every connection at the same address: built once.
                            e.shared() ? delivery.once(new TextKey(e.name(), base), () -> text(e)) : text(e),
                            MediaType.APPLICATION_OCTET_STREAM)));
        }

        /** Writes the events of a run of deliveries with one flush of the response. */
        @Override
        public void flush() {
            if (held.isEmpty()) return;
            var run = new LinkedHashSet<>(held);
            held.clear();
            send(run);
        }

        private static byte[] text(MastodonEvents.Event e) {
            return ("event: " + e.name() + "\ndata: " + e.payload() + "\n\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void overflowed() {
            emitter.complete();
            close();
        }

        /** Writes the event stream's text as is: Mastodon.py wants a space after each field's colon. */
        void send(String text) {
            send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text, MediaType.TEXT_PLAIN)));
        }

        private void send(Set<ResponseBodyEmitter.DataWithMediaType> items) {
            if (closed) return;
            lock.lock();
            try {
                emitter.send(items);
            } catch (IOException | IllegalStateException e) {
                close();
            } finally {
                lock.unlock();
            }
        }

        void close() {
            if (closed) return;
            closed = true;
            events.closed(base);
            open.remove(this);
            var r = registration;
            if (r != null) r.close();
        }
    }
}
