package org.hallway.directory;

import java.util.Map;
import org.hallway.identity.Account;
import org.hallway.identity.AccountSignedIn;
import org.hallway.identity.AccountStore;
import org.hallway.identity.ChangeManager;
import org.hallway.identity.ProvisionFromDirectory;
import org.hallway.identity.SignInFailed;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a colleague in from the claims of an OpenID Connect ID token (and user info). The first
 * sign-in creates the account just in time; later ones refresh it. The account is found by the
 * provider's subject, else by e-mail when the provider vouches for it ({@code email_verified}).
 * Claims the provider does not send leave their fields as they are.
 */
@Service
public class SignInWithOidc {
    static final String SOURCE = "oidc";

    private final DirectoryNetwork network;
    private final ProvisionFromDirectory provision;
    private final AccountStore accounts;
    private final ChangeManager changeManager;
    private final OidcSettings settings;
    private final ApplicationEventPublisher events;

    SignInWithOidc(
            DirectoryNetwork network,
            ProvisionFromDirectory provision,
            AccountStore accounts,
            ChangeManager changeManager,
            OidcSettings settings,
            ApplicationEventPublisher events) {
        this.network = network;
        this.provision = provision;
        this.accounts = accounts;
        this.changeManager = changeManager;
        this.settings = settings;
        this.events = events;
    }

    /**
     * The signed-in account. Throws {@link ForbiddenException} for a deactivated colleague and
     * {@link InvalidInputException} when the claims lack what an account needs.
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Account handle(Map<String, Object> claims) {
        var networkId =
                network.current().orElseThrow(() -> new InvalidInputException("oidc", "Hallway is not set up yet"));
        var subject = text(claims, "sub");
        var email = text(claims, "email");
        if (subject == null || email == null) {
            throw new InvalidInputException("oidc", "The identity provider sent no subject or e-mail address");
        }
        boolean verified = Boolean.TRUE.equals(claims.get("email_verified"))
                || "true".equalsIgnoreCase(String.valueOf(claims.get("email_verified")));
        var c = settings.claims();
        var account = provision
                .handle(
                        networkId,
                        new ProvisionFromDirectory.Profile(
                                SOURCE,
                                subject,
                                username(claims, email),
                                email,
                                name(claims),
                                text(claims, c.title()),
                                text(claims, c.department()),
                                text(claims, c.location()),
                                text(claims, c.phone()),
                                null),
                        verified)
                .account();
        var manager = text(claims, c.manager());
        if (manager != null) {
            var found = manager.contains("@")
                    ? accounts.findByEmail(manager).filter(m -> m.networkId() == networkId)
                    : accounts.findByUsername(networkId, manager.replaceFirst("^@", ""));
            found.filter(m -> m.id() != account.id())
                    .ifPresent(m -> changeManager.handle(networkId, account.id(), m.id()));
        }
        if (!account.active()) {
            events.publishEvent(new SignInFailed(networkId, account.id(), email, SOURCE));
            throw new ForbiddenException("This account has been deactivated");
        }
        events.publishEvent(new AccountSignedIn(networkId, account.id(), SOURCE));
        return accounts.find(networkId, account.id()).orElseThrow();
    }

    private static @Nullable String username(Map<String, Object> claims, String email) {
        var preferred = text(claims, "preferred_username");
        if (preferred == null) return email.substring(0, email.indexOf('@'));
        return preferred.contains("@") ? preferred.substring(0, preferred.indexOf('@')) : preferred;
    }

    private static @Nullable String name(Map<String, Object> claims) {
        var name = text(claims, "name");
        if (name != null) return name;
        var given = text(claims, "given_name");
        var family = text(claims, "family_name");
        if (given == null && family == null) return null;
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }

    private static @Nullable String text(Map<String, Object> claims, String name) {
        var value = claims.get(name);
        if (value == null) return null;
        var s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }
}
