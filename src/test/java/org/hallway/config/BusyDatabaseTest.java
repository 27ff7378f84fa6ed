package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.HttpServletBean;

class BusyDatabaseTest {
    private final BusyDatabase filter = new BusyDatabase();

    @Test
    void anApiRequestThatGotNoConnectionIsToldToComeBack() throws Exception {
        var response = run("/api/v1/timelines/home", new CannotGetJdbcConnectionException("pool exhausted"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":\"Hallway is busy; try again in a few seconds\"}");
    }

    @Test
    void aTransactionThatGotNoConnectionCountsToo() throws Exception {
        var timeout = new SQLTransientConnectionException("hallway - Connection is not available");
        var response = run("/home", new ServletException(new CannotCreateTransactionException("no tx", timeout)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).isEqualTo("Hallway is busy. Please try again in a few seconds.");
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertThatThrownBy(() -> run("/api/v1/statuses", new IllegalStateException("a bug")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
    }

    private MockHttpServletResponse run(String path, Exception failure) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new Failing(failure)));
        return response;
    }

    /** A servlet that fails the way a controller does when the pool has no connection to give. */
    private static final class Failing extends HttpServletBean {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        protected void service(
                jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                throws ServletException {
            if (failure instanceof RuntimeException r) throw r;
            throw (ServletException) failure;
        }
    }
}
