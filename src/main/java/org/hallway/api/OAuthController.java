package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.identity.IssueToken;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2 token endpoint as Mastodon apps use it: {@code password} (username is the e-mail) and
 * {@code client_credentials} grants, form or JSON bodies, client credentials in the body or as HTTP
 * Basic; and token revocation.
 */
@RestController
class OAuthController {
    private final IssueToken issueToken;

    OAuthController(IssueToken issueToken) {
        this.issueToken = issueToken;
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
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping("/oauth/revoke")
    Map<String, Object> revoke(Params params, HttpServletRequest request) {
        var client = client(params, request);
        issueToken.revoke(client[0], client[1], params.string("token"));
        return Map.of();
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
