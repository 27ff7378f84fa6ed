package org.hallway.directory.oidc;

import java.util.HashMap;
import org.hallway.directory.OidcSettings;
import org.hallway.directory.SignInWithOidc;
import org.hallway.identity.SignInCustomizer;
import org.hallway.identity.SignedIn;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in on the web chain, with Spring Security's OAuth 2 client, when
 * {@code HALLWAY_OIDC_ISSUER} is set. After the provider's ID token is checked, the claims go to
 * {@link SignInWithOidc}; the session then holds the same {@link SignedIn} principal a password
 * sign-in gives, so everything after sign-in (deactivation checks included) works alike.
 */
@Component
class OidcLogin implements SignInCustomizer {
    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);
    private static final String DEACTIVATED = "account_deactivated";

    private final OidcSettings settings;
    private final SignInWithOidc signIn;

    OidcLogin(OidcSettings settings, SignInWithOidc signIn) {
        this.settings = settings;
        this.signIn = signIn;
    }

    @Override
    public void customize(HttpSecurity http) throws Exception {
        if (!settings.configured()) return;
        var contexts = new HttpSessionSecurityContextRepository();
        http.oauth2Login(o -> o.loginPage("/login")
                .clientRegistrationRepository(new DiscoveredRegistration(settings))
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(u -> u.oidcUserService(users()))
                .successHandler((req, res, auth) -> {
                    if (!(auth.getPrincipal() instanceof Colleague colleague)) {
                        res.sendRedirect("/login?sso");
                        return;
                    }
                    var signedIn = colleague.signedIn();
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            signedIn, null, signedIn.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, req, res);
                    res.sendRedirect("/");
                })
                .failureHandler((req, res, e) -> {
                    boolean deactivated = e instanceof OAuth2AuthenticationException o2
                            && DEACTIVATED.equals(o2.getError().getErrorCode());
                    if (!deactivated) log.warn("OpenID Connect sign-in failed: {}", e.getMessage());
                    res.sendRedirect(deactivated ? "/login?deactivated" : "/login?sso");
                }));
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> users() {
        var delegate = new OidcUserService();
        return request -> {
            var user = delegate.loadUser(request);
            try {
                var account = signIn.handle(new HashMap<>(user.getClaims()));
                var signedIn =
                        new SignedIn(account.id(), account.networkId(), account.admin(), account.email(), null, null);
                return new Colleague(user, signedIn);
            } catch (ForbiddenException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error(DEACTIVATED), e.getMessage());
            } catch (InvalidInputException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_claims"), e.getMessage());
            }
        };
    }

    /** The provider's user, carrying the colleague it signed in as until the success handler swaps principals. */
    static final class Colleague extends DefaultOidcUser {
        private final SignedIn signedIn;

        Colleague(OidcUser user, SignedIn signedIn) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.signedIn = signedIn;
        }

        SignedIn signedIn() {
            return signedIn;
        }
    }
}
