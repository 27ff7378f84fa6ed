package org.hallway.config;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP connector: Tomcat's, with idle and upgraded connections that hold no request processor (ADR
 * 0054) and a response handed to the kernel in one write (ADR 0059).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connector() {
        return factory -> factory.setProtocol(IdleConnectionProtocol.class.getName());
    }
}
