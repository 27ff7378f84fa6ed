package org.hallway.config;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept-alive connection between two requests holds its socket buffers, not the request processor it
 * last used, and still serves its next request. Tomcat keeps no processor for reuse here, so every
 * request's processor is dropped once it is done, as most are after a burst.
 */
class IdleConnectionProtocolTest {
    private static final int CONNECTIONS = 20;

    @TempDir
    Path base;

    private Tomcat tomcat;

    /** Answers "GET /path: n bytes" after reading the whole body. */
    private final HttpServlet echo = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int length = request.getInputStream().readAllBytes().length;
            response.setContentType("text/plain");
            response.getWriter().print(request.getMethod() + " " + request.getRequestURI() + ": " + length + " bytes");
        }
    };

    @AfterEach
    void stop() throws LifecycleException {
        if (tomcat == null) return;
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void idleConnectionsLetGoOfTheirProcessorsAndServeTheirNextRequest() throws Exception {
        var protocol = start(IdleConnectionProtocol.class);
        var connections = open(protocol);
        try {
            for (var connection : connections) {
                assertThat(exchange(connection, get("/first"))).isEqualTo("GET /first: 0 bytes");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> holdingAProcessor(protocol) == 0);

            // The next request on each kept-alive connection, its head in two parts and with a body.
            for (var connection : connections) {
                var out = connection.getOutputStream();
                out.write("POST /second HTTP/1.1\r\nHost: lo".getBytes(US_ASCII));
                out.flush();
                assertThat(exchange(connection, "calhost\r\nContent-Length: 5\r\n\r\nhello"))
                        .isEqualTo("POST /second: 5 bytes");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> holdingAProcessor(protocol) == 0);
        } finally {
            for (var connection : connections) connection.close();
        }
    }

    @Test
    void upgradedConnectionsLetGoOfTheProcessorOfTheirUpgradeAndStillTalk() throws Exception {
        var protocol = start(IdleConnectionProtocol.class);
        var connections = open(protocol);
        try {
            for (var connection : connections) {
                var out = connection.getOutputStream();
                out.write(
                        """
                        GET /ws HTTP/1.1\r
                        Host: localhost\r
                        Upgrade: websocket\r
                        Connection: Upgrade\r
                        Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
                        Sec-WebSocket-Version: 13\r
                        \r
                        """
                                .getBytes(US_ASCII));
                out.flush();
                assertThat(RawHttp.readHead(connection.getInputStream())).startsWith("HTTP/1.1 101");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> holdingAProcessor(protocol) == 0);

            for (var connection : connections) {
                assertThat(echo(connection, "hello")).isEqualTo("hello");
            }
        } finally {
            for (var connection : connections) connection.close();
        }
    }

    /** When this fails, Tomcat lets go by itself and {@link IdleConnectionProtocol} can go. */
    @Test
    void tomcatsOwnConnectorKeepsTheProcessorOfTheLastRequest() throws Exception {
        var protocol = start(Http11NioProtocol.class);
        var connections = open(protocol);
        try {
            for (var connection : connections) {
                assertThat(exchange(connection, get("/first"))).isEqualTo("GET /first: 0 bytes");
            }
            // Not only until each processor is dropped after its response went out: for as long as the
            // connection waits.
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> holdingAProcessor(protocol) == CONNECTIONS);
        } finally {
            for (var connection : connections) connection.close();
        }
    }

    private AbstractProtocol<?> start(Class<? extends Http11NioProtocol> protocolClass) throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        var connector = new Connector(protocolClass.getName());
        connector.setPort(0);
        var protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setAddress(InetAddress.getLoopbackAddress());
        protocol.setProcessorCache(0);
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "echo", echo);
        context.addServletMappingDecoded("/*", "echo");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(webSocketEcho(), null);
        tomcat.start();
        assertThat(connector.getProtocolHandler()).isInstanceOf(protocolClass);
        return protocol;
    }

    private List<Socket> open(AbstractProtocol<?> protocol) throws IOException {
        var connections = new ArrayList<Socket>();
        for (int i = 0; i < CONNECTIONS; i++) {
            var socket = new Socket(InetAddress.getLoopbackAddress(), protocol.getLocalPort());
            socket.setSoTimeout(10_000);
            connections.add(socket);
        }
        return connections;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** Sends (the rest of) a request and reads one response on a kept-alive connection: its body. */
    private static String exchange(Socket connection, String request) throws IOException {
        connection.getOutputStream().write(request.getBytes(US_ASCII));
        connection.getOutputStream().flush();
        var in = connection.getInputStream();
        var head = RawHttp.readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200");
        return new String(RawHttp.readBody(in, head), UTF_8);
    }

    /** Registers {@link Echo} at {@code /ws}, once WsSci made the WebSocket container. */
    private static ServletContainerInitializer webSocketEcho() {
        return (classes, servletContext) -> {
            var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(
                        ServerEndpointConfig.Builder.create(Echo.class, "/ws").build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Sends every text message back. */
    public static class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** One short text message as a client sends it (masked), and the text of the server's answer. */
    private static String echo(Socket connection, String text) throws IOException {
        byte[] payload = text.getBytes(UTF_8);
        byte[] mask = {1, 2, 3, 4};
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        connection.getOutputStream().write(frame.toByteArray());
        connection.getOutputStream().flush();
        var in = connection.getInputStream();
        assertThat(in.read()).isEqualTo(0x81);
        int length = in.read();
        return new String(in.readNBytes(length), UTF_8);
    }

    /** Open connections whose channel still points at a request processor's input buffer. */
    private static long holdingAProcessor(AbstractProtocol<?> protocol) throws ReflectiveOperationException {
        var getEndpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
        getEndpoint.setAccessible(true);
        var endpoint = (AbstractEndpoint<?, ?>) getEndpoint.invoke(protocol);
        var handlerOf = NioChannel.class.getDeclaredMethod("getAppReadBufHandler");
        handlerOf.setAccessible(true);
        long holding = 0;
        for (var connection : endpoint.getConnections()) {
            if (handlerOf.invoke(connection.getSocket()) != null) holding++;
        }
        return holding;
    }
}
