package org.hallway.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds a way to sign in to the web filter chain (for example OpenID Connect), so that modules owning
 * an identity source can plug it in without the security configuration knowing them.
 */
public interface SignInCustomizer {
    void customize(HttpSecurity http) throws Exception;
}
