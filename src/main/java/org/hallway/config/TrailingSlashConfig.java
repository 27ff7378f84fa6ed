package org.hallway.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Compat(mastodon): clients call API paths with a trailing slash (Mastodon.py asks for
 * "/api/v1/instance/" and, when that fails, silently assumes a very old server). Spring no longer
 * matches those, so the slash is dropped before security and routing see the request.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashConfig {
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        var filter = UrlHandlerFilter.trailingSlashHandler("/api/**", "/oauth/**", "/nodeinfo/**")
                .wrapRequest()
                .build();
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
