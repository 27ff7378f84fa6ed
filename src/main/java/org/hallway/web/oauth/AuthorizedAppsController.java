package org.hallway.web.oauth;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hallway.identity.ListAuthorizedApps;
import org.hallway.identity.RevokeAppAuthorization;
import org.hallway.identity.TokenStore;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Apps you have authorized": which apps act for the colleague, with what rights, and a way to stop them. */
@Controller
class AuthorizedAppsController {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ListAuthorizedApps list;
    private final RevokeAppAuthorization revoke;

    AuthorizedAppsController(ListAuthorizedApps list, RevokeAppAuthorization revoke) {
        this.list = list;
        this.revoke = revoke;
    }

    @GetMapping("/settings/apps")
    String apps(Viewer viewer, @RequestParam(required = false) String revoked, Model model) {
        var rows =
                list.handle(viewer).stream().map(AuthorizedAppsController::row).toList();
        model.addAttribute("apps", rows);
        model.addAttribute(
                "notice", revoked == null ? null : "Access withdrawn. That app can no longer use your account.");
        return "pages/authorized-apps";
    }

    @PostMapping("/settings/apps/{appId}/revoke")
    String revoke(Viewer viewer, @PathVariable long appId) {
        revoke.handle(viewer, appId);
        return "redirect:/settings/apps?revoked";
    }

    private static AuthorizedAppView row(TokenStore.AuthorizedApp app) {
        var website = app.website() != null && app.website().matches("(?i)https?://\\S+") ? app.website() : null;
        return new AuthorizedAppView(
                app.appId(),
                app.name(),
                website,
                ScopeWords.describe(app.scopes()),
                DATE.format(app.authorizedAt()),
                app.lastUsedAt() == null ? "never" : DATE.format(app.lastUsedAt()));
    }
}
