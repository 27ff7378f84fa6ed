package org.hallway.directory;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.hallway.identity.AccountStore;
import org.hallway.identity.DeactivateAccount;
import org.hallway.identity.ReactivateAccount;
import org.hallway.identity.UpdateProvisionedAccount;
import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An identity provider changes a colleague (SCIM PUT or PATCH): the change turns what is stored into
 * what should be. {@code active=false} deactivates the account (sign-in refused, tokens revoked at
 * once), {@code active=true} brings it back.
 */
@Service
public class ReplaceScimUser {
    private final ScimUserStore users;
    private final AccountStore accounts;
    private final UpdateProvisionedAccount update;
    private final DeactivateAccount deactivate;
    private final ReactivateAccount reactivate;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReplaceScimUser(
            ScimUserStore users,
            AccountStore accounts,
            UpdateProvisionedAccount update,
            DeactivateAccount deactivate,
            ReactivateAccount reactivate,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.accounts = accounts;
        this.update = update;
        this.deactivate = deactivate;
        this.reactivate = reactivate;
        this.clock = clock;
    }

    @Transactional
    public ScimUser handle(long networkId, String client, long accountId, UnaryOperator<ScimUser.Data> change) {
        var current = users.find(networkId, accountId).orElseThrow(NotFoundException::record);
        var data = change.apply(current.data().withoutPassword());
        var sameName = users.findAnyByUserName(networkId, data.userName());
        if (sameName.isPresent() && sameName.get() != accountId) {
            throw new ScimConflictException("A user with this userName exists");
        }
        if (data.externalId() != null && users.externalIdTaken(networkId, data.externalId(), accountId)) {
            throw new ScimConflictException("A user with this externalId exists");
        }
        accounts.findByEmail(data.email()).filter(a -> a.id() != accountId).ifPresent(a -> {
            throw new ScimConflictException("A colleague with this e-mail address exists");
        });
        update.handle(new UpdateProvisionedAccount.Command(
                networkId,
                accountId,
                data.email(),
                data.password(),
                data.displayName(),
                data.title(),
                data.department(),
                data.managerId()));
        users.save(networkId, accountId, data, clock.instant());
        if (data.active()) reactivate.fromDirectory(networkId, accountId);
        else deactivate.byDirectory(networkId, accountId, "scim");
        var action = current.data().active() == data.active()
                ? "user_updated"
                : data.active() ? "user_reactivated" : "user_deactivated";
        var verb =
                switch (action) {
                    case "user_updated" -> "Updated";
                    case "user_reactivated" -> "Reactivated";
                    default -> "Deactivated";
                };
        events.publishEvent(new ScimChanged(networkId, client, action, accountId, verb + " user " + data.userName()));
        return users.find(networkId, accountId).orElseThrow();
    }
}
