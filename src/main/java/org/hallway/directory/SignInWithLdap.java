package org.hallway.directory;

import java.util.Optional;
import org.hallway.identity.Account;
import org.hallway.identity.ChangeManager;
import org.hallway.identity.DirectoryAccounts;
import org.hallway.identity.PasswordDirectory;
import org.hallway.identity.ProvisionFromDirectory;
import org.hallway.identity.SignInUnavailable;
import org.springframework.stereotype.Component;

/**
 * Password sign-in against LDAP: the directory checks the password (a bind as the person), then the
 * account is created or refreshed from the entry, so a colleague can sign in before the first sync
 * has run. The manager is linked when the manager already has an account.
 */
@Component
class SignInWithLdap implements PasswordDirectory {
    static final String SOURCE = "ldap";

    private final DirectorySource directory;
    private final DirectoryNetwork network;
    private final ProvisionFromDirectory provision;
    private final DirectoryAccounts accounts;
    private final ChangeManager changeManager;

    SignInWithLdap(
            DirectorySource directory,
            DirectoryNetwork network,
            ProvisionFromDirectory provision,
            DirectoryAccounts accounts,
            ChangeManager changeManager) {
        this.changeManager = changeManager;
        this.directory = directory;
        this.network = network;
        this.provision = provision;
        this.accounts = accounts;
    }

    @Override
    public Optional<Account> authenticate(String login, String password) {
        if (!directory.configured()) return Optional.empty();
        var networkId = network.current();
        if (networkId.isEmpty()) return Optional.empty();
        Optional<DirectoryPerson> person;
        try {
            person = directory.authenticate(login, password);
        } catch (DirectorySource.DirectoryUnavailable e) {
            // Down, or silent past the timeout: the password is neither right nor wrong.
            throw new SignInUnavailable();
        }
        if (person.isEmpty()) return Optional.empty();
        var account =
                provision.handle(networkId.get(), profile(person.get()), true).account();
        var managerDn = person.get().managerDn();
        if (managerDn != null) {
            directory
                    .find(managerDn)
                    .flatMap(m -> accounts.findLinked(networkId.get(), SOURCE, m.externalId()))
                    .ifPresent(managerId -> changeManager.handle(networkId.get(), account.id(), managerId));
        }
        return Optional.of(account);
    }

    @Override
    public String method() {
        return SOURCE;
    }

    static ProvisionFromDirectory.Profile profile(DirectoryPerson p) {
        return new ProvisionFromDirectory.Profile(
                SOURCE,
                p.externalId(),
                p.username(),
                p.email(),
                p.displayName(),
                p.title(),
                p.department(),
                p.location(),
                p.phone(),
                p.employeeNumber());
    }
}
