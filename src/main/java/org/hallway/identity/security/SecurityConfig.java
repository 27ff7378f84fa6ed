package org.hallway.identity.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hallway.identity.AccountStore;
import org.hallway.identity.SignInCustomizer;
import org.hallway.identity.SignedIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two doors. The API (Mastodon's client API and OAuth) takes opaque bearer tokens, keeps no session
 * and answers JSON errors; the web UI signs in with a form, keeps a session and checks CSRF. Nothing
 * but what apps need before sign-in answers anonymously.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * No observations of the filter chain, authentication or authorization (ADR 0044): with them off by
     * configuration, the chain was still wrapped filter by filter in a decorator that made an
     * observation context per filter and request for nothing.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Authentication outcomes are not published as application events: nothing listens to them (sign-ins
     * are audited where they are decided), and one event per API request asked every listener of the
     * application whether it wanted it.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher() {
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {}

            @Override
            public void publishAuthenticationFailure(
                    AuthenticationException exception, Authentication authentication) {}
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenIntrospector introspector) throws Exception {
        var tokens = new StreamingTokenResolver();
        http.securityMatcher("/api/**", "/oauth/token", "/oauth/revoke", "/nodeinfo/**", "/.well-known/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(
                                HttpMethod.GET,
                                "/api/v1/instance",
                                "/api/v1/instance/",
                                "/api/v2/instance",
                                "/api/v2/instance/",
                                "/api/v1/instance/**",
                                "/api/v1/streaming/health",
                                "/api/v1/streaming/health/",
                                "/nodeinfo/**",
                                "/.well-known/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/apps", "/oauth/token", "/oauth/revoke")
                        .permitAll()
                        .anyRequest()
                        .access(scopeCheck()))
                .oauth2ResourceServer(o -> o.bearerTokenResolver(tokens)
                        .opaqueToken(t -> t.introspector(introspector))
                        .authenticationEntryPoint((req, res, e) -> {
                            boolean tokenSent = req.getHeader("Authorization") != null
                                    || req.getParameter("access_token") != null
                                    || StreamingTokenResolver.protocolToken(req) != null;
                            // RFC 6750 3: a 401 names the scheme, and says why when a token was sent.
                            res.setHeader("WWW-Authenticate", tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
                            json(
                                    res,
                                    401,
                                    tokenSent
                                            ? "The access token is invalid"
                                            : "This API requires an authenticated user");
                        })
                        .accessDeniedHandler(
                                (req, res, e) -> json(res, 403, "This action is outside the authorized scopes")))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> json(res, 401, "This API requires an authenticated user"))
                        .accessDeniedHandler(
                                (req, res, ex) -> json(res, 403, "This action is outside the authorized scopes")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http, PasswordAuthentication passwords, AccountStore accounts, List<SignInCustomizer> signIns)
            throws Exception {
        http.authenticationProvider(passwords)
                .requestCache(c -> c.requestCache(pageRequests()))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst()))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/setup",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/avatars/**",
                                "/media/**",
                                "/link-images/**",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/mail/unsubscribe",
                                "/error")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((req, res, e) -> res.sendRedirect("/login?" + failure(e))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Tokens are kept in the session, which a background request never starts for one. A mail
                // program unsubscribes in one click (RFC 8058) without a session: the link's signed token,
                // made for one colleague, stands in for the CSRF token.
                .csrf(c ->
                        c.csrfTokenRepository(new PageSessionCsrfTokens()).ignoringRequestMatchers("/mail/unsubscribe"))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new ActiveAccountFilter(accounts), SecurityContextHolderFilter.class);
        // Other ways in (OpenID Connect), contributed by the modules that own them.
        for (var signIn : signIns) signIn.customize(http);
        return http.build();
    }

    /**
     * Only a page the colleague opened is where signing in returns to, never a page's background request
     * (see {@link #signInFirst}).
     */
    private static HttpSessionRequestCache pageRequests() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(req -> "GET".equals(req.getMethod()) && !BackgroundRequest.is(req));
        return cache;
    }

    /**
     * A page that needs a signed-in colleague sends a signed-out one to the sign-in page. A background
     * request is answered 401 and nothing else. Sent to the sign-in page, it rendered it, and the page's
     * CSRF token started a session whose cookie replaced the one holding the page to return to: when
     * force_login signed the colleague out while the previous page's live stream or an htmx request was
     * still under way with the ended session, signing in then led Home instead of back to the app's
     * consent page. htmx shows why in the page's status area.
     */
    private static AuthenticationEntryPoint signInFirst() {
        var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        return (req, res, e) -> {
            if (!BackgroundRequest.is(req)) {
                signInPage.commence(req, res, e);
                return;
            }
            res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            if (req.getHeader("HX-Request") == null) return;
            res.setHeader("HX-Retarget", "#toast");
            res.setHeader("HX-Reswap", "innerHTML");
            res.setContentType("text/html");
            res.setCharacterEncoding("UTF-8");
            res.getWriter()
                    .write("<p class=\"toast-message\">You are signed out. Reload the page to sign in again.</p>");
        };
    }

    /** A token may call an endpoint only if its scopes cover it; web sessions are not limited by scope. */
    private static AuthorizationManager<RequestAuthorizationContext> scopeCheck() {
        return (authentication, ctx) -> {
            var auth = authentication.get();
            if (auth == null || !(auth.getPrincipal() instanceof SignedIn signedIn))
                return new AuthorizationDecision(false);
            var req = ctx.getRequest();
            var path = req.getRequestURI().substring(req.getContextPath().length());
            return new AuthorizationDecision(ScopeRules.allows(signedIn, req.getMethod(), path));
        };
    }

    private static void json(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    /** The sign-in page's message for a refused sign-in. */
    private static String failure(AuthenticationException e) {
        if (e instanceof LockedException) return "locked";
        if (e instanceof AuthenticationServiceException) return "unavailable";
        return "error";
    }
}
