package org.hallway.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company directory adds a colleague (SCIM, LDAP sync, single sign-on). Unlike an administrator's
 * {@link CreateAccount}, the password is optional (without one the colleague signs in only through
 * the directory) and a taken username gets a number appended instead of failing: the directory names
 * people, Hallway only derives a handle from that name.
 */
@Service
public class ProvisionAccount {
    public record Command(
            long networkId,
            String preferredUsername,
            String email,
            @Nullable String password,
            String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable Long managerId) {}

    private final OpenAccount open;

    ProvisionAccount(OpenAccount open) {
        this.open = open;
    }

    @Transactional
    public Account handle(Command cmd) {
        return open.handle(new OpenAccount.Command(
                OpenAccount.Origin.SCIM,
                cmd.networkId(),
                cmd.preferredUsername(),
                cmd.email(),
                cmd.password(),
                cmd.displayName(),
                cmd.title(),
                cmd.department(),
                null,
                null,
                null,
                cmd.managerId(),
                Account.Role.MEMBER,
                null,
                null));
    }
}
