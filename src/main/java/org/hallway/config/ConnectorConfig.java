package org.hallway.config;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP connector: Tomcat's, with idle and upgraded connections that hold no request processor (ADR 0054). */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> idleConnectionProtocol() {
        return factory -> factory.setProtocol(IdleConnectionProtocol.class.getName());
    }
}
