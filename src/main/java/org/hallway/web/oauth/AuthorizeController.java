package org.hallway.web.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hallway.identity.AuthorizationRefused;
import org.hallway.identity.AuthorizationRequest;
import org.hallway.identity.CheckAuthorizationRequest;
import org.hallway.identity.GrantAuthorizationCode;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in for apps through the browser ({@code /oauth/authorize}): after the usual sign-in page, the
 * colleague sees which app asks for what and approves or denies. The answer goes back to the app's
 * registered redirect URI, or for {@code urn:ietf:wg:oauth:2.0:oob} is shown on a page to copy.
 */
@Controller
class AuthorizeController {
    private static final String BASE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; ";

    private final CheckAuthorizationRequest check;
    private final GrantAuthorizationCode grant;

    AuthorizeController(CheckAuthorizationRequest check, GrantAuthorizationCode grant) {
        this.check = check;
        this.grant = grant;
    }

    @GetMapping("/oauth/authorize")
    Object consent(
            Viewer viewer,
            @RequestParam Map<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        // Compat(mastodon): force_login signs the current colleague out first. The way back from the
        // sign-in page carries "continue", which ends the loop.
        if ("true".equalsIgnoreCase(params.get("force_login")) && !params.containsKey("continue")) {
            new SecurityContextLogoutHandler()
                    .logout(
                            request,
                            response,
                            SecurityContextHolder.getContext().getAuthentication());
            var rest = new LinkedHashMap<>(params);
            rest.remove("force_login");
            return "redirect:/oauth/authorize?" + query(rest);
        }
        AuthorizationRequest checked;
        try {
            checked = check.handle(command(params));
        } catch (AuthorizationRefused refused) {
            return refusal(refused, params, model, response);
        }
        // Chrome applies form-action to the redirect that follows the form, so the app's address is allowed.
        response.setHeader("Content-Security-Policy", BASE_POLICY + "form-action 'self' " + source(checked));
        model.addAttribute("request", checked);
        model.addAttribute("scopes", ScopeWords.describe(checked.scopes()));
        model.addAttribute("website", safeWebsite(checked.app().website()));
        model.addAttribute("destination", checked.outOfBand() ? null : destination(checked.redirectUri()));
        return "pages/authorize";
    }

    @PostMapping("/oauth/authorize")
    Object decide(Viewer viewer, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        AuthorizationRequest checked;
        try {
            checked = check.handle(command(params));
        } catch (AuthorizationRefused refused) {
            return refusal(refused, params, model, response);
        }
        if (!"approve".equals(params.get("decision"))) {
            if (checked.outOfBand()) {
                model.addAttribute("title", "Access denied");
                model.addAttribute(
                        "message", "You did not allow " + checked.app().name() + " to use your account.");
                return "pages/authorize-error";
            }
            return redirect(
                    checked.redirectUri(),
                    params(
                            "error",
                            "access_denied",
                            "error_description",
                            "The resource owner or authorization server denied the request.",
                            "state",
                            checked.state()));
        }
        var code = grant.handle(viewer, checked);
        if (checked.outOfBand()) return "redirect:/oauth/authorize/native?code=" + enc(code);
        return redirect(checked.redirectUri(), params("code", code, "state", checked.state()));
    }

    @GetMapping("/oauth/authorize/native")
    String outOfBand(@RequestParam String code, Model model) {
        model.addAttribute("code", code);
        return "pages/authorize-code";
    }

    private Object refusal(
            AuthorizationRefused refused, Map<String, String> params, Model model, HttpServletResponse response) {
        var redirectUri = refused.redirectUri();
        if (redirectUri != null && !redirectUri.equals(AuthorizationRequest.OUT_OF_BAND)) {
            return redirect(
                    redirectUri,
                    params(
                            "error",
                            refused.code(),
                            "error_description",
                            refused.getMessage(),
                            "state",
                            params.get("state")));
        }
        response.setStatus(400);
        model.addAttribute("title", "This app can't sign in");
        model.addAttribute("message", refused.getMessage());
        return "pages/authorize-error";
    }

    private static CheckAuthorizationRequest.Command command(Map<String, String> params) {
        return new CheckAuthorizationRequest.Command(
                params.get("response_type"),
                params.get("client_id"),
                params.get("redirect_uri"),
                params.get("scope"),
                params.get("state"),
                params.get("code_challenge"),
                params.get("code_challenge_method"));
    }

    /** A redirect to the app; the URI may carry a query of its own, and may use the app's own scheme. */
    private static org.springframework.http.ResponseEntity<Void> redirect(String uri, Map<String, String> params) {
        var target = uri + (uri.contains("?") ? "&" : "?") + query(params);
        return org.springframework.http.ResponseEntity.status(302)
                .header("Location", target)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Map<String, String> params(@Nullable String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < pairs.length; i += 2) if (pairs[i + 1] != null) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The CSP source expression for where the consent form's redirect leads. */
    private static String source(AuthorizationRequest request) {
        if (request.outOfBand()) return "";
        try {
            var uri = URI.create(request.redirectUri());
            var scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null) {
                return scheme + "://" + uri.getRawAuthority();
            }
            return scheme.matches("[a-z][a-z0-9+.-]*") ? scheme + ":" : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Where the colleague will be sent, as a host name for http(s) or the app's scheme otherwise. */
    private static String destination(String redirectUri) {
        try {
            var uri = URI.create(redirectUri);
            return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
        } catch (IllegalArgumentException e) {
            return redirectUri;
        }
    }

    private static @Nullable String safeWebsite(@Nullable String website) {
        return website != null && website.matches("(?i)https?://\\S+") ? website : null;
    }
}
