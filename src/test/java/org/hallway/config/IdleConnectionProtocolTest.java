package org.hallway.config;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("Connection closed after: " + head);
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200");
        return new String(readBody(in, head.toString()), UTF_8);
    }

    private static byte[] readBody(InputStream in, String head) throws IOException {
        var lines = head.toLowerCase().split("\r\n");
        for (var line : lines) {
            if (line.startsWith("content-length:"))
                return in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
        // Chunked: size lines, chunks, up to the last (empty) chunk.
        var body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine(in), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("Connection closed");
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
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
