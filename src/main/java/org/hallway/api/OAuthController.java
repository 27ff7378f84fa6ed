package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.identity.IssueToken;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2 token endpoint as Mastodon apps use it: {@code password} (username is the e-mail) and
 * {@code client_credentials} grants, the browser flow's {@code authorization_code} (with PKCE) and
 * {@code refresh_token} grants, form or JSON bodies, client credentials in the body or as HTTP
 * Basic; and token revocation.
 */
@RestController
class OAuthController {
    private static final List<String> SCOPES = List.of(
            "read",
            "read:accounts",
            "read:blocks",
            "read:bookmarks",
            "read:favourites",
            "read:filters",
            "read:follows",
            "read:lists",
            "read:mutes",
            "read:notifications",
            "read:search",
            "read:statuses",
            "write",
            "write:accounts",
            "write:blocks",
            "write:bookmarks",
            "write:conversations",
            "write:favourites",
            "write:filters",
            "write:follows",
            "write:lists",
            "write:media",
            "write:mutes",
            "write:notifications",
            "write:reports",
            "write:statuses",
            "follow",
            "push",
            "profile",
            "admin:read",
            "admin:read:accounts",
            "admin:write",
            "admin:write:accounts");

    private final IssueToken issueToken;
    private final BaseUrl baseUrl;

    OAuthController(IssueToken issueToken, BaseUrl baseUrl) {
        this.issueToken = issueToken;
        this.baseUrl = baseUrl;
    }

    @PostMapping("/oauth/token")
    ResponseEntity<Map<String, Object>> token(Params params, HttpServletRequest request) {
        var client = client(params, request);
        var grant = params.string("grant_type");
        IssueToken.Issued issued;
        if ("password".equals(grant)) {
            issued = issueToken.password(
                    client[0], client[1], params.string("username"), params.string("password"), params.string("scope"));
        } else if ("client_credentials".equals(grant)) {
            issued = issueToken.clientCredentials(client[0], client[1], params.string("scope"));
        } else if ("authorization_code".equals(grant)) {
            issued = issueToken.authorizationCode(
                    client[0],
                    client[1],
                    params.string("code"),
                    params.string("redirect_uri"),
                    params.string("code_verifier"));
        } else if ("refresh_token".equals(grant)) {
            issued = issueToken.refresh(client[0], client[1], params.string("refresh_token"), params.string("scope"));
        } else {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "error",
                            "unsupported_grant_type",
                            "error_description",
                            "The authorization grant type is not supported by the authorization server."));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("scope", issued.scopes().toString());
        body.put("created_at", issued.createdAt().getEpochSecond());
        if (issued.refreshToken() != null) body.put("refresh_token", issued.refreshToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping("/oauth/revoke")
    Map<String, Object> revoke(Params params, HttpServletRequest request) {
        var client = client(params, request);
        issueToken.revoke(client[0], client[1], params.string("token"));
        return Map.of();
    }

    /** RFC 8414 authorization server metadata, as Mastodon 4.3 serves it. */
    @GetMapping("/.well-known/oauth-authorization-server")
    Map<String, Object> metadata() {
        var base = baseUrl.get();
        var body = new LinkedHashMap<String, Object>();
        body.put("issuer", base + "/");
        body.put("service_documentation", "https://docs.joinmastodon.org/");
        body.put("authorization_endpoint", base + "/oauth/authorize");
        body.put("token_endpoint", base + "/oauth/token");
        body.put("app_registration_endpoint", base + "/api/v1/apps");
        body.put("revocation_endpoint", base + "/oauth/revoke");
        body.put("scopes_supported", SCOPES);
        body.put("response_types_supported", List.of("code"));
        body.put("response_modes_supported", List.of("query"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        body.put(
                "grant_types_supported",
                List.of("authorization_code", "password", "client_credentials", "refresh_token"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return body;
    }

    private static String[] client(Params params, HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                var decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException ignored) {
                // A malformed Basic header counts as no client authentication: answered as invalid_client.
            }
        }
        return new String[] {params.string("client_id"), params.string("client_secret")};
    }
}
