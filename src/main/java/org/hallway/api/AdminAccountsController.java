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
                "admin".equalsIgnoreCase(role)
                        ? org.hallway.identity.Account.Role.ADMIN
                        : org.hallway.identity.Account.Role.MEMBER));
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

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
    }
}
