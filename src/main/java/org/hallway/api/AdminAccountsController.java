package org.hallway.api;

import java.util.Locale;
import java.util.Map;
import org.hallway.api.entity.Account;
import org.hallway.identity.CreateAccount;
import org.hallway.identity.DeactivateAccount;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators add colleagues and deactivate those who left. Deactivation uses Mastodon's admin
 * action endpoint ({@code type=disable} or {@code suspend}).
 */
@RestController
class AdminAccountsController {
    private final CreateAccount createAccount;
    private final DeactivateAccount deactivateAccount;
    private final Presenter presenter;

    AdminAccountsController(CreateAccount createAccount, DeactivateAccount deactivateAccount, Presenter presenter) {
        this.createAccount = createAccount;
        this.deactivateAccount = deactivateAccount;
        this.presenter = presenter;
    }

    @PostMapping("/api/v1/admin/accounts")
    @ResponseStatus(HttpStatus.OK)
    Account create(Viewer viewer, Params params) {
        requireAdmin(viewer);
        var role = params.string("role");
        var account = createAccount.handle(new CreateAccount.Command(
                viewer.networkId(),
                params.string("username"),
                params.string("email"),
                params.string("password"),
                params.string("display_name"),
                params.string("title"),
                params.string("department"),
                params.string("location"),
                params.string("manager"),
                role(role)));
        return presenter.account(account);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/action")
    Map<String, Object> action(Viewer viewer, @PathVariable String id, Params params) {
        requireAdmin(viewer);
        var type = params.required("type").toLowerCase(Locale.ROOT);
        if (!type.equals("disable") && !type.equals("suspend")) {
            throw new InvalidInputException("type", "type must be disable or suspend");
        }
        deactivateAccount.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    /** {@code member} (the default), {@code admin}, or {@code guest}: a partner who sees only the groups they are invited into. */
    private static org.hallway.identity.Account.Role role(String role) {
        if (role == null || role.isBlank()) return org.hallway.identity.Account.Role.MEMBER;
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "member" -> org.hallway.identity.Account.Role.MEMBER;
            case "admin" -> org.hallway.identity.Account.Role.ADMIN;
            case "guest" -> org.hallway.identity.Account.Role.GUEST;
            default -> throw new InvalidInputException("role", "role must be member, admin or guest");
        };
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
    }
}
