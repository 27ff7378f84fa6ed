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
    /** The address to use outside any request, e.g. when rendering for an open streaming connection. */
    private static final ScopedValue<String> OUTSIDE_REQUEST = ScopedValue.newInstance();

    private final String configured;

    BaseUrl(@Value("${hallway.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
    }

    public String get() {
        if (!configured.isEmpty()) return configured;
        if (OUTSIDE_REQUEST.isBound()) return OUTSIDE_REQUEST.get();
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** Runs {@code work} with {@code base} as the address when no request is at hand. */
    public static <T> T with(String base, java.util.function.Supplier<T> work) {
        return ScopedValue.where(OUTSIDE_REQUEST, base).call(work::get);
    }

    public String host() {
        return java.net.URI.create(get()).getAuthority();
    }

    /** The streaming address: the same host over ws/wss. */
    public String streaming() {
        return get().replaceFirst("^http", "ws");
    }
}
