package org.hallway.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute address clients reach Hallway at: HALLWAY_PUBLIC_URL when set, otherwise the current
 * request's (X-Forwarded-* honoured, so links are right behind a TLS-terminating proxy).
 */
@Component
public class BaseUrl {
    private final String configured;

    BaseUrl(@Value("${hallway.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
    }

    public String get() {
        if (!configured.isEmpty()) return configured;
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    public String host() {
        return java.net.URI.create(get()).getAuthority();
    }

    /** The streaming address: the same host over ws/wss. */
    public String streaming() {
        return get().replaceFirst("^http", "ws");
    }
}
