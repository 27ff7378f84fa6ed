package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class ConnectorConfigTest {
    @Test
    void connectionsWriteThroughABufferOfTheConfiguredSize() {
        var connector = connectorWith(DataSize.ofKilobytes(64));
        assertThat(connector.getProtocolHandler()).isInstanceOf(IdleConnectionProtocol.class);
        var protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("65536");
    }

    @Test
    void aBufferTooSmallOrTooLargeIsRefusedAtStart() {
        assertThatThrownBy(() -> new ConnectorConfig().connector(DataSize.ofBytes(100)))
                .hasMessageContaining("hallway.http.socket-write-buffer");
        assertThatThrownBy(() -> new ConnectorConfig().connector(DataSize.ofMegabytes(2)))
                .hasMessageContaining("hallway.http.socket-write-buffer");
    }

    private static Connector connectorWith(DataSize writeBuffer) {
        var factory = new TomcatServletWebServerFactory();
        new ConnectorConfig().connector(writeBuffer).customize(factory);
        var connector = new Connector(factory.getProtocol());
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
        return connector;
    }
}
