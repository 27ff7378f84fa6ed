package org.hallway.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP connector: Tomcat's, with idle and upgraded connections that hold no request processor (ADR
 * 0054), and each connection's socket write buffer sized by {@code hallway.http.socket-write-buffer}
 * (ADR 0057): a response goes out in pieces of that size, one system call and one wake-up of the
 * reader each.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connector(
            @Value("${hallway.http.socket-write-buffer}") DataSize writeBuffer) {
        if (writeBuffer.toBytes() < 1024 || writeBuffer.toBytes() > 1024 * 1024)
            throw new IllegalArgumentException("hallway.http.socket-write-buffer must be between 1KB and 1MB");
        return factory -> {
            factory.setProtocol(IdleConnectionProtocol.class.getName());
            factory.addConnectorCustomizers(
                    connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes())));
        };
    }
}
