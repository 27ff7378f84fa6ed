package org.hallway.directory.scim;

import org.hallway.directory.AuthenticateScimToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * A third door, for identity providers: {@code /scim/v2/**} takes a provisioning bearer token only
 * (never a colleague's session or OAuth token), keeps no session, needs no CSRF token and answers
 * 401 as a SCIM error.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, AuthenticateScimToken authenticate) throws Exception {
        http.securityMatcher("/scim/v2/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority("SCIM_PROVISIONING"))
                .addFilterBefore(new ScimBearerFilter(authenticate), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer realm=\"SCIM\"");
                            write(res, 401, "A valid provisioning bearer token is required");
                        })
                        .accessDeniedHandler((req, res, ex) -> write(res, 403, "Not allowed")));
        return http.build();
    }

    private static void write(jakarta.servlet.http.HttpServletResponse res, int status, String detail)
            throws java.io.IOException {
        res.setStatus(status);
        res.setContentType(ScimJson.MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(ScimJson.error(status, null, detail));
    }
}
