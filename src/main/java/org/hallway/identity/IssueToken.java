package org.hallway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token endpoint's work: checks the client, then grants an opaque bearer token for a colleague
 * (password grant) or for the app itself (client credentials).
 */
@Service
public class IssueToken {
    public record Issued(String accessToken, Scopes scopes, Instant createdAt, @Nullable String refreshToken) {}

    /** An OAuth error with its RFC 6749 code ({@code invalid_grant}, {@code invalid_client}, ...). */
    public static class OAuthError extends RuntimeException {
        private final String code;
        private final int status;

        OAuthError(String code, String description, int status) {
            super(description);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final AppStore apps;
    private final TokenStore tokens;
    private final CodeStore codes;
    private final CheckPassword checkPassword;
    private final org.hallway.network.NetworkStore networks;
    private final Ids ids;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    IssueToken(
            AppStore apps,
            TokenStore tokens,
            CodeStore codes,
            CheckPassword checkPassword,
            org.hallway.network.NetworkStore networks,
            Ids ids,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.apps = apps;
        this.tokens = tokens;
        this.codes = codes;
        this.checkPassword = checkPassword;
        this.networks = networks;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Issued password(
            String clientId, String clientSecret, String email, String password, @Nullable String scope) {
        var app = client(clientId, clientSecret);
        var scopes = scopes(app, scope);
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new OAuthError(
                    "invalid_request", "The request is missing a required parameter: username and password", 400);
        }
        Optional<Account> checked;
        try {
            checked = checkPassword.handle(email, password);
        } catch (SignInUnavailable e) {
            throw new OAuthError("temporarily_unavailable", e.getMessage(), 503);
        }
        var account = checked.orElseThrow(
                () -> new OAuthError("invalid_grant", "The e-mail address or password is wrong", 400));
        return issue(account.networkId(), account.id(), app, scopes);
    }

    @Transactional
    public Issued clientCredentials(String clientId, String clientSecret, @Nullable String scope) {
        var app = client(clientId, clientSecret);
        var network =
                networks.first().orElseThrow(() -> new OAuthError("invalid_request", "Hallway is not set up yet", 400));
        return issue(network.id(), null, app, scopes(app, scope));
    }

    /**
     * Exchanges an authorization code once, for the app it was issued to, with the redirect URI it was
     * issued for and, when the app sent a PKCE challenge, the verifier behind it. Every failure is
     * {@code invalid_grant} and issues nothing; the code is spent only by a successful exchange.
     */
    @Transactional
    public Issued authorizationCode(
            String clientId,
            String clientSecret,
            @Nullable String code,
            @Nullable String redirectUri,
            @Nullable String codeVerifier) {
        var app = client(clientId, clientSecret);
        if (code == null || code.isBlank()) {
            throw new OAuthError("invalid_request", "The request is missing a required parameter: code", 400);
        }
        var now = clock.instant();
        var grant = codes.consume(Secrets.hash(code), now).orElseThrow(IssueToken::invalidGrant);
        if (grant.appId() != app.id() || !grant.expiresAt().isAfter(now)) throw invalidGrant();
        // RFC 6749 4.1.3: the redirect URI must be the one the code was issued for.
        if (redirectUri != null
                && !redirectUri.isBlank()
                && !grant.redirectUri().equals(redirectUri)) {
            throw invalidGrant();
        }
        if (grant.codeChallenge() != null && !Pkce.matches(codeVerifier, grant.codeChallenge())) throw invalidGrant();
        return issue(grant.networkId(), grant.accountId(), app, grant.scopes(), true);
    }

    /**
     * Rotates a refresh token: the old access and refresh tokens stop working and a new pair with the
     * same (or narrower) scopes takes their place.
     */
    @Transactional
    public Issued refresh(String clientId, String clientSecret, @Nullable String refreshToken, @Nullable String scope) {
        var app = client(clientId, clientSecret);
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new OAuthError("invalid_request", "The request is missing a required parameter: refresh_token", 400);
        }
        var old = tokens.consumeRefresh(app.id(), Secrets.hash(refreshToken), clock.instant())
                .orElseThrow(IssueToken::invalidGrant);
        var scopes = old.scopes();
        if (scope != null && !scope.isBlank()) {
            Scopes wanted;
            try {
                wanted = Scopes.parse(scope);
            } catch (InvalidInputException unknown) {
                throw new OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
            }
            if (!old.scopes().covers(wanted)) {
                throw new OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
            }
            scopes = wanted;
        }
        return issue(old.networkId(), old.accountId(), app, scopes, true);
    }

    @Transactional
    public void revoke(String clientId, String clientSecret, String token) {
        var app = client(clientId, clientSecret);
        // Only the app a token was issued to may revoke it; any other token is left alone, answered alike.
        if (token == null || token.isBlank()) return;
        tokens.revoke(app.id(), Secrets.hash(token), clock.instant())
                .ifPresent(grant -> events.publishEvent(
                        new TokenRevoked(grant.networkId(), grant.accountId(), grant.appId(), app.name())));
    }

    private Issued issue(long networkId, @Nullable Long accountId, OAuthApp app, Scopes scopes) {
        return issue(networkId, accountId, app, scopes, false);
    }

    private Issued issue(long networkId, @Nullable Long accountId, OAuthApp app, Scopes scopes, boolean withRefresh) {
        var token = Secrets.token();
        var refresh = withRefresh ? Secrets.token() : null;
        var now = clock.instant();
        tokens.insert(
                ids.next(),
                networkId,
                accountId,
                app.id(),
                Secrets.hash(token),
                refresh == null ? null : Secrets.hash(refresh),
                scopes,
                now);
        return new Issued(token, scopes, now, refresh);
    }

    private static OAuthError invalidGrant() {
        return new OAuthError(
                "invalid_grant",
                "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
                400);
    }

    private OAuthApp client(String clientId, String clientSecret) {
        var app = clientId == null ? null : apps.findByClientId(clientId).orElse(null);
        if (app == null
                || clientSecret == null
                || !MessageDigest.isEqual(
                        app.clientSecret().getBytes(StandardCharsets.UTF_8),
                        clientSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthError(
                    "invalid_client",
                    "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
                    401);
        }
        return app;
    }

    private static Scopes scopes(OAuthApp app, @Nullable String scope) {
        Scopes wanted;
        try {
            wanted = scope == null || scope.isBlank() ? app.scopes() : Scopes.parse(scope);
        } catch (InvalidInputException unknownScope) {
            // RFC 6749 5.2: an unknown scope is invalid_scope, like one beyond the app's.
            throw new OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
        }
        if (!app.scopes().covers(wanted)) {
            throw new OAuthError("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
        }
        return wanted;
    }
}
