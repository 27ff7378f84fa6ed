package org.hallway.directory;

import java.time.Clock;
import org.hallway.identity.AccountStore;
import org.hallway.identity.DeactivateAccount;
import org.hallway.identity.ProvisionAccount;
import org.hallway.identity.ReactivateAccount;
import org.hallway.identity.UpdateProvisionedAccount;
import org.hallway.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An identity provider creates a colleague (SCIM POST /Users). The handle is derived from the
 * userName (the part before '@'); a userName that was deleted over SCIM before brings its account
 * back. A userName, externalId or e-mail address that belongs to someone else is a conflict.
 */
@Service
public class CreateScimUser {
    private final ScimUserStore users;
    private final AccountStore accounts;
    private final ProvisionAccount provision;
    private final UpdateProvisionedAccount update;
    private final DeactivateAccount deactivate;
    private final ReactivateAccount reactivate;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreateScimUser(
            ScimUserStore users,
            AccountStore accounts,
            ProvisionAccount provision,
            UpdateProvisionedAccount update,
            DeactivateAccount deactivate,
            ReactivateAccount reactivate,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.accounts = accounts;
        this.provision = provision;
        this.update = update;
        this.deactivate = deactivate;
        this.reactivate = reactivate;
        this.clock = clock;
    }

    @Transactional
    public ScimUser handle(long networkId, String client, ScimUser.Data data) {
        var earlier = users.findAnyByUserName(networkId, data.userName());
        if (earlier.isPresent() && users.find(networkId, earlier.get()).isPresent()) {
            throw new ScimConflictException("A user with this userName exists");
        }
        long earlierId = earlier.orElse(0L);
        if (data.externalId() != null && users.externalIdTaken(networkId, data.externalId(), earlierId)) {
            throw new ScimConflictException("A user with this externalId exists");
        }
        accounts.findByEmail(data.email()).filter(a -> a.id() != earlierId).ifPresent(a -> {
            throw new ScimConflictException("A colleague with this e-mail address exists");
        });
        long accountId = earlierId;
        if (earlier.isPresent()) {
            update.handle(new UpdateProvisionedAccount.Command(
                    networkId,
                    accountId,
                    data.email(),
                    data.password(),
                    data.displayName(),
                    data.title(),
                    data.department(),
                    data.managerId()));
        } else {
            accountId = provision
                    .handle(new ProvisionAccount.Command(
                            networkId,
                            handleFrom(data.userName()),
                            data.email(),
                            data.password(),
                            data.displayName(),
                            data.title(),
                            data.department(),
                            data.managerId()))
                    .id();
        }
        users.save(networkId, accountId, data, clock.instant());
        if (data.active()) reactivate.fromDirectory(networkId, accountId);
        else deactivate.byDirectory(networkId, accountId, "scim");
        events.publishEvent(new ScimChanged(
                networkId,
                client,
                "user_created",
                accountId,
                "Created user " + data.userName() + (data.active() ? "" : " (inactive)")));
        return users.find(networkId, accountId).orElseThrow();
    }

    static String handleFrom(String userName) {
        var at = userName.indexOf('@');
        var local = at > 0 ? userName.substring(0, at) : userName;
        if (local.isBlank()) throw new InvalidInputException("userName", "userName is required");
        return local;
    }
}
