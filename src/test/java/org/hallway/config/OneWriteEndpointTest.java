package org.hallway.config;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses larger than a connection's socket write buffer arrive whole and in order, whether the
 * kernel takes them at once or the reader is slow and the server has to wait for the socket, with a
 * length or chunked, and the connection serves its next request.
 */
class OneWriteEndpointTest {
    @TempDir
    Path base;

    private Tomcat tomcat;
    private int port;

    /** The thread answering the latest request. */
    private final AtomicReference<Thread> writer = new AtomicReference<>();

    /**
     * Answers {@code GET /bytes?n=..&buffer=..&flushes=..} with n bytes of {@link #expected}, through a
     * response buffer of the given size, flushed the given number of times on the way (chunked).
     */
    private final HttpServlet bytes = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            writer.set(Thread.currentThread());
            int length = Integer.parseInt(request.getParameter("n"));
            int flushes = Integer.parseInt(request.getParameter("flushes"));
            response.setBufferSize(Integer.parseInt(request.getParameter("buffer")));
            response.setContentType("application/octet-stream");
            byte[] body = expected(length);
            var out = response.getOutputStream();
            int step = length / (flushes + 1);
            for (int i = 0; i < flushes; i++) {
                out.write(body, i * step, step);
                out.flush();
            }
            out.write(body, flushes * step, length - flushes * step);
        }
    };

    @BeforeEach
    void start() throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        var connector = new Connector(IdleConnectionProtocol.class.getName());
        connector.setPort(0);
        connector.setProperty("address", InetAddress.getLoopbackAddress().getHostAddress());
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "bytes", bytes);
        context.addServletMappingDecoded("/*", "bytes");
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aPageLargerThanTheSocketBufferArrivesWholeAndTheConnectionGoesOn() throws IOException {
        try (var connection = connect(0)) {
            for (int length : new int[] {43_000, 8_000, 64 * 1024, 100}) {
                assertThat(exchange(connection, length, 64 * 1024, 0)).isEqualTo(expected(length));
            }
        }
    }

    @Test
    void aSlowReaderGetsEveryByteOfAResponseTheKernelCouldNotTakeAtOnce() throws IOException {
        try (var connection = connect(4096)) {
            int length = 8 * 1024 * 1024;
            writer.set(null);
            ask(connection, length, 1024 * 1024, 0);
            // Nothing is read until the server waits for room in its socket, which it does once the
            // kernel has taken what it can of the body.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                var thread = writer.get();
                return thread != null && thread.getState() == Thread.State.TIMED_WAITING;
            });
            assertThat(answer(connection)).isEqualTo(expected(length));
            assertThat(exchange(connection, 50_000, 64 * 1024, 0)).isEqualTo(expected(50_000));
        }
    }

    @Test
    void aChunkedResponseFlushedOnTheWayArrivesWhole() throws IOException {
        try (var connection = connect(0)) {
            assertThat(exchange(connection, 300_000, 64 * 1024, 5)).isEqualTo(expected(300_000));
            assertThat(exchange(connection, 30_000, 8 * 1024, 3)).isEqualTo(expected(30_000));
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        var socket = new Socket();
        if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    /** Bytes that differ from their neighbours, so that a piece lost, repeated or swapped shows. */
    private static byte[] expected(int length) {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++) body[i] = (byte) (i * 31 + (i >>> 8) * 7 + (i >>> 16));
        return body;
    }

    /** Asks for a body and reads it. */
    private static byte[] exchange(Socket connection, int length, int buffer, int flushes) throws IOException {
        ask(connection, length, buffer, flushes);
        return answer(connection);
    }

    private static void ask(Socket connection, int length, int buffer, int flushes) throws IOException {
        String request = "GET /bytes?n=" + length + "&buffer=" + buffer + "&flushes=" + flushes
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        connection.getOutputStream().write(request.getBytes(US_ASCII));
        connection.getOutputStream().flush();
    }

    private static byte[] answer(Socket connection) throws IOException {
        var in = connection.getInputStream();
        var head = RawHttp.readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200");
        return RawHttp.readBody(in, head);
    }
}
