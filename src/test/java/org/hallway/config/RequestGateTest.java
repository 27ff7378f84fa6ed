package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** At most so many requests work at once; the others wait their turn, and are told to come back when it is long. */
class RequestGateTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestGate gate = new RequestGate(1, Duration.ofMillis(200), 10, meters);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A request that works until released. */
    private final HttpServlet slow = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.setStatus(200);
        }
    };

    private final HttpServlet quick = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(204);
        }
    };

    @Test
    void aRequestBeyondTheLimitWaitsItsTurnAndIsToldToComeBackAfterTheLongestWait() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> serve(slow, get("/api/v1/timelines/home")));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            var turnedAway = serve(quick, get("/api/v1/timelines/home"));
            assertThat(turnedAway.getStatus()).isEqualTo(503);
            assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("5");
            assertThat(turnedAway.getContentAsString()).contains("\"error\":\"Hallway is busy");
            assertThat(meters.get("hallway.http.turned.away").counter().count()).isEqualTo(1);

            // One that arrives while the first works is served as soon as it is done.
            var waiting = executor.submit(() -> serve(quick, get("/api/v1/accounts/verify_credentials")));
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(204);
        }
        assertThat(serve(quick, get("/api/v1/timelines/home")).getStatus()).isEqualTo(204);
    }

    @Test
    void aRequestFindingTheLineFullIsToldToComeBackAtOnce() throws Exception {
        var noLine = new RequestGate(1, Duration.ofMinutes(1), 0, meters);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> serve(noLine, slow, get("/api/v1/timelines/home")));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            // Answered while the first still works, not after a minute in line.
            var second = executor.submit(() -> serve(noLine, quick, get("/api/v1/timelines/home")));
            assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void anUploadPassesWithoutATurn() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.submit(() -> serve(slow, get("/api/v1/timelines/home")));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            var upload = new MockHttpServletRequest("POST", "/api/v2/media");
            upload.setContentType("multipart/form-data; boundary=x");
            assertThat(serve(quick, upload).getStatus()).isEqualTo(204);
            release.countDown();
        }
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private MockHttpServletResponse serve(HttpServlet servlet, MockHttpServletRequest request) throws Exception {
        return serve(gate, servlet, request);
    }

    private static MockHttpServletResponse serve(RequestGate gate, HttpServlet servlet, MockHttpServletRequest request)
            throws Exception {
        var response = new MockHttpServletResponse();
        gate.doFilter(request, response, new MockFilterChain(servlet));
        return response;
    }
}
