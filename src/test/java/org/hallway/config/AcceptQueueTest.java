package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.testing.HallwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The running server asks the kernel to hold 1,024 connections it has not accepted yet (ADR 0058), not
 * Tomcat's 100: a burst of clients connecting at once waits there instead of having handshakes
 * dropped.
 */
class AcceptQueueTest extends HallwayTest {
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void holdsABurstOfNewConnections() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("acceptCount")).isEqualTo(1024);
    }
}
