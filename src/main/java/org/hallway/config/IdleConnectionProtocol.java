package org.hallway.config;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 connector, except that a connection lets go of the request processor it last used
 * once that is done: a kept-alive connection waiting for its next request, and a connection upgraded
 * to a WebSocket (a live stream) for as long as it stays open.
 *
 * <p>Tomcat keeps at most {@code server.tomcat.processor-cache} processors for reuse and drops the
 * rest after each request, but the connection's channel still points at the dropped processor's input
 * buffer, and through it at the whole processor: its request, response and their buffers, about 94 KiB.
 * After a burst, every connection whose processor was dropped kept one until its next request or its
 * keep-alive timeout: 1,354 processors behind 1,375 idle connections, 88 KiB a connection against the
 * 20 KiB of its own socket buffers ({@code bench/connections.sh}); a WebSocket kept the processor of
 * its upgrade request for its whole life. The processor that serves the next request points the
 * channel at its own buffer before it reads; after an upgrade only a TLS channel looks at the
 * reference, and it allows for none (ADR 0054).
 */
public class IdleConnectionProtocol extends Http11NioProtocol {
    public IdleConnectionProtocol() {
        super(new OneWriteEndpoint());
        getEndpoint().setHandler(new LettingGoWhenDone(getHandler()));
    }

    private record LettingGoWhenDone(Handler<NioChannel> connections) implements Handler<NioChannel> {
        /** Runs under the connection's lock, so the next request's processing starts after this returns. */
        @Override
        public SocketState process(SocketWrapperBase<NioChannel> connection, SocketEvent event) {
            var state = connections.process(connection, event);
            boolean betweenRequests = state == SocketState.OPEN && connection.getCurrentProcessor() == null;
            if (betweenRequests || state == SocketState.UPGRADED) connection.setAppReadBufHandler(null);
            return state;
        }

        @Override
        public Object getGlobal() {
            return connections.getGlobal();
        }

        @Override
        public void release(SocketWrapperBase<NioChannel> connection) {
            connections.release(connection);
        }

        @Override
        public void pause() {
            connections.pause();
        }

        @Override
        public void recycle() {
            connections.recycle();
        }
    }
}
