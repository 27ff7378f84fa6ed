package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A request that got no database connection is left to config.BusyDatabase (503), not answered as a bug. */
class ApiErrorsBusyTest {
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiErrors())
            .build();

    @Test
    void aRequestWithoutADatabaseConnectionIsNotAnsweredAsABug() {
        assertThatThrownBy(() -> mvc.perform(get("/api/v1/no-connection")))
                .hasRootCauseInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void anyOtherFailureIsAnswered500AsJson() throws Exception {
        var response = mvc.perform(get("/api/v1/bug")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"Something went wrong on our side\"}");
    }

    @RestController
    static class Failing {
        @GetMapping("/api/v1/no-connection")
        String noConnection() {
            throw new CannotGetJdbcConnectionException("pool exhausted");
        }

        @GetMapping("/api/v1/bug")
        String bug() {
            throw new IllegalStateException("a bug");
        }
    }
}
