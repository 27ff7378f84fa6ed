package org.hallway.api.streaming;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a WebSocket text message whose UTF-8 bytes were built once for many connections (ADR 0043).
 *
 * <p>Compat(tomcat): the Jakarta API only takes text as a {@code String}, and Tomcat then encodes it
 * to UTF-8 per send through a {@code CharsetEncoder} over the string's chars, which was the largest
 * cost of a connection's thread (a live event goes to hundreds of connections). Tomcat's own send path
 * below {@code sendText} takes an opcode and a byte payload ({@code WsRemoteEndpointImplBase
 * .sendMessageBlock}, package-private); it writes the frame header, applies negotiated extensions
 * (permessage-deflate) and honours the blocking send timeout exactly as {@code sendText} does. It is
 * reached once through method handles; with another container, or a Tomcat that changed it, the text is
 * decoded and sent through {@link RemoteEndpoint.Basic#sendText}, as before.
 *
 * <p>Callers send on one thread at a time per session (the connection's lock): this path does not pass
 * Tomcat's check against concurrent sends of the public API.
 */
final class EncodedText {
    private static final Logger log = LoggerFactory.getLogger(EncodedText.class);
    private static final byte TEXT = 1;
    private static final @Nullable MethodHandle ENDPOINT;
    private static final @Nullable MethodHandle SEND;

    static {
        MethodHandle endpoint = null;
        MethodHandle send = null;
        try {
            var session = Class.forName("org.apache.tomcat.websocket.WsSession");
            var impl = Class.forName("org.apache.tomcat.websocket.WsRemoteEndpointImplBase");
            endpoint = MethodHandles.privateLookupIn(session, MethodHandles.lookup())
                    .findGetter(session, "wsRemoteEndpoint", impl)
                    .asType(MethodType.methodType(Object.class, Session.class));
            send = MethodHandles.privateLookupIn(impl, MethodHandles.lookup())
                    .findVirtual(
                            impl,
                            "sendMessageBlock",
                            MethodType.methodType(void.class, byte.class, ByteBuffer.class, boolean.class))
                    .asType(MethodType.methodType(
                            void.class, Object.class, byte.class, ByteBuffer.class, boolean.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.info(
                    "Live frames are encoded per connection: Tomcat's byte send path is not reachable ({})",
                    e.toString());
            endpoint = null;
            send = null;
        }
        ENDPOINT = endpoint;
        SEND = send;
    }

    /** Whether Tomcat's byte send path was found (a test keeps a Tomcat upgrade from losing it silently). */
    static boolean reachable() {
        return ENDPOINT != null && SEND != null;
    }

    private final RemoteEndpoint.Basic remote;
    private final @Nullable Object endpoint;

    private EncodedText(RemoteEndpoint.Basic remote, @Nullable Object endpoint) {
        this.remote = remote;
        this.endpoint = endpoint;
    }

    /** The sender for one session. */
    static EncodedText of(Session session) {
        Object endpoint = null;
        if (ENDPOINT != null && session.getClass().getName().equals("org.apache.tomcat.websocket.WsSession")) {
            try {
                endpoint = ENDPOINT.invokeExact(session);
            } catch (Throwable e) {
                log.debug("Tomcat's endpoint of a session is not reachable", e);
            }
        }
        return new EncodedText(session.getBasicRemote(), endpoint);
    }

    /** Whether frames go out as the bytes given, without a per-connection encoding. */
    boolean preEncoded() {
        return endpoint != null;
    }

    /** Sends one whole text message: {@code utf8} is valid UTF-8 and is not changed. */
    void send(byte[] utf8) throws IOException {
        if (endpoint == null || SEND == null) {
            remote.sendText(new String(utf8, StandardCharsets.UTF_8));
            return;
        }
        try {
            SEND.invokeExact(endpoint, TEXT, ByteBuffer.wrap(utf8), true);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    /**
     * Holds writes back until {@link #endBatch}: the messages sent meanwhile go out together, each still
     * its own WebSocket message (Tomcat's batching fills its output buffer before writing).
     */
    void beginBatch() throws IOException {
        remote.setBatchingAllowed(true);
    }

    /** Writes what {@link #beginBatch} held back. */
    void endBatch() throws IOException {
        remote.setBatchingAllowed(false);
    }
}
