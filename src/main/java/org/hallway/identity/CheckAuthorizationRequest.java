package org.hallway.identity;

import java.util.Set;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the parameters of {@code /oauth/authorize} before anyone is asked to consent: the app must
 * exist and the redirect URI be one it registered (otherwise nothing is sent back to it), then the
 * response type, the scopes and the PKCE method must be ones Hallway offers.
 */
@Service
public class CheckAuthorizationRequest {
    public record Command(
            @Nullable String responseType,
            @Nullable String clientId,
            @Nullable String redirectUri,
            @Nullable String scope,
            @Nullable String state,
            @Nullable String codeChallenge,
            @Nullable String codeChallengeMethod) {}

    private static final Set<String> CHALLENGE_METHODS = Set.of("S256");

    private final AppStore apps;

    CheckAuthorizationRequest(AppStore apps) {
        this.apps = apps;
    }

    @Transactional(readOnly = true)
    public AuthorizationRequest handle(Command cmd) {
        var app = cmd.clientId() == null || cmd.clientId().isBlank()
                ? null
                : apps.findByClientId(cmd.clientId()).orElse(null);
        if (app == null) {
            throw new AuthorizationRefused(
                    "invalid_client", "This app is not known here. Ask its makers to register it again.", null);
        }
        var redirectUri = cmd.redirectUri() == null || cmd.redirectUri().isBlank()
                ? (app.redirectUris().size() == 1 ? app.redirectUris().getFirst() : null)
                : cmd.redirectUri();
        // RFC 6749 4.1.2.1: with an unknown redirect URI, tell the colleague and never redirect.
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            throw new AuthorizationRefused(
                    "invalid_redirect_uri",
                    "The app asked to send the answer to an address it did not register.",
                    null);
        }
        if (!"code".equals(cmd.responseType())) {
            throw new AuthorizationRefused(
                    "unsupported_response_type",
                    "The authorization server does not support this response type.",
                    redirectUri);
        }
        Scopes scopes;
        try {
            scopes = cmd.scope() == null || cmd.scope().isBlank() ? app.scopes() : Scopes.parse(cmd.scope());
        } catch (InvalidInputException unknown) {
            throw invalidScope(redirectUri);
        }
        if (!app.scopes().covers(scopes)) throw invalidScope(redirectUri);
        var challenge = cmd.codeChallenge() == null || cmd.codeChallenge().isBlank() ? null : cmd.codeChallenge();
        if (challenge != null) {
            var method = cmd.codeChallengeMethod() == null ? "plain" : cmd.codeChallengeMethod();
            if (!CHALLENGE_METHODS.contains(method)) {
                throw new AuthorizationRefused("invalid_request", "Code challenge method must be S256.", redirectUri);
            }
            // RFC 7636 4.2: an S256 challenge is 43 base64url characters.
            if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
                throw new AuthorizationRefused("invalid_request", "The code challenge is malformed.", redirectUri);
            }
        }
        var state = cmd.state() == null || cmd.state().isEmpty() ? null : cmd.state();
        return new AuthorizationRequest(app, redirectUri, scopes, state, challenge);
    }

    private static AuthorizationRefused invalidScope(String redirectUri) {
        return new AuthorizationRefused(
                "invalid_scope", "The requested scope is invalid, unknown, or malformed.", redirectUri);
    }
}
