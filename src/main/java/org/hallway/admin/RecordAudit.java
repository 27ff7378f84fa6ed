package org.hallway.admin;

import java.time.Clock;
import org.hallway.directory.DirectoryNetwork;
import org.hallway.directory.DirectorySynced;
import org.hallway.directory.ScimChanged;
import org.hallway.identity.AccessRevoked;
import org.hallway.identity.AccountProvisioned;
import org.hallway.identity.AccountSignedIn;
import org.hallway.identity.SignInFailed;
import org.hallway.identity.TokenRevoked;
import org.hallway.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit log. The listeners run synchronously, inside the transaction of what they record
 * when there is one, so an entry exists exactly when its change was committed (a rolled-back sync
 * leaves no deactivations in the log), and a refused sign-in, which changes nothing, still leaves one:
 * it is written in a transaction of its own, because the caller's rolls back when it refuses (the OAuth
 * password grant answers {@code invalid_grant} by throwing).
 */
@Component
class RecordAudit {
    private final AuditLog log;
    private final DirectoryNetwork directoryNetwork;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate separately;

    RecordAudit(
            AuditLog log,
            DirectoryNetwork directoryNetwork,
            Ids ids,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.log = log;
        this.directoryNetwork = directoryNetwork;
        this.ids = ids;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(AccountSignedIn e) {
        write(e.networkId(), "sign_in", e.accountId(), e.accountId(), "Signed in with " + method(e.method()));
    }

    @EventListener
    void on(SignInFailed e) {
        // An unknown login belongs to no network; it is shown to the network the directory serves.
        var network = e.networkId() != null
                ? e.networkId()
                : directoryNetwork.current().orElse(null);
        if (network == null) return;
        separately.executeWithoutResult(status -> write(
                network,
                "sign_in_failed",
                null,
                e.accountId(),
                "Refused sign-in as \"" + e.login() + "\" (" + method(e.method()) + ")"));
    }

    @EventListener
    void on(AccountProvisioned e) {
        write(e.networkId(), "account_provisioned", null, e.accountId(), "Account created from " + method(e.source()));
    }

    @EventListener
    void on(AccessRevoked e) {
        var by = e.byAccountId() == null ? "the " + method(e.reason()) + " directory" : "an administrator";
        write(e.networkId(), "account_deactivated", e.byAccountId(), e.accountId(), "Deactivated by " + by);
        write(
                e.networkId(),
                "tokens_revoked",
                e.byAccountId(),
                e.accountId(),
                e.tokensRevoked() + (e.tokensRevoked() == 1 ? " access token" : " access tokens")
                        + " revoked, web sessions ended");
    }

    @EventListener
    void on(TokenRevoked e) {
        write(
                e.networkId(),
                "token_revoked",
                e.accountId(),
                e.accountId(),
                "Access token of app \"" + e.appName() + "\" revoked");
    }

    @EventListener
    void on(DirectorySynced e) {
        write(
                e.networkId(),
                "directory_sync_" + e.outcome(),
                null,
                null,
                "LDAP sync (" + e.trigger() + "): " + e.summary());
    }

    @EventListener
    void on(ScimChanged e) {
        write(
                e.networkId(),
                "scim_" + e.action(),
                null,
                e.accountId(),
                "SCIM token \"" + e.client() + "\": " + e.detail());
    }

    private void write(long networkId, String action, @Nullable Long actor, @Nullable Long subject, String detail) {
        log.insert(new AuditEntry(ids.next(), networkId, clock.instant(), action, actor, subject, detail));
    }

    private static String method(String code) {
        return switch (code) {
            case "password" -> "password";
            case "ldap" -> "LDAP";
            case "oidc" -> "single sign-on";
            case "scim" -> "SCIM";
            case "administrator" -> "administrator";
            default -> code;
        };
    }
}
