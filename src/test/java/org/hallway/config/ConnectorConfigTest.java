package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class ConnectorConfigTest {
    @Test
    void theConnectorLetsIdleConnectionsGoAndWritesResponsesAtOnce() throws ReflectiveOperationException {
        var factory = new TomcatServletWebServerFactory();
        new ConnectorConfig().connector().customize(factory);
        var connector = new Connector(factory.getProtocol());

        assertThat(connector.getProtocolHandler()).isInstanceOf(IdleConnectionProtocol.class);
        var getEndpoint = AbstractProtocol.class.getDeclaredMethod("getEndpoint");
        getEndpoint.setAccessible(true);
        assertThat(getEndpoint.invoke(connector.getProtocolHandler())).isInstanceOf(OneWriteEndpoint.class);
    }
}
