package org.hallway.testing;

import java.util.Map;
import java.util.UUID;
import org.hallway.identity.Account;
import org.hallway.identity.CreateAccount;
import org.hallway.identity.IssueToken;
import org.hallway.identity.RegisterApp;
import org.hallway.identity.SetUpNetwork;
import org.hallway.shared.Viewer;

/**
 * The test personas, made through use cases in a network of their own: alice, bob and tom work
 * together; eve is a colleague who follows nobody; gus is a guest from a partner company; admin runs
 * the network. Every persona has an API
 * token with all scopes and the password {@link #PASSWORD}.
 */
public final class Personas {
    public static final String PASSWORD = "correct horse battery";

    /** One persona: the account, a viewer for calling use cases, and an API token. */
    public record Persona(Account account, Viewer viewer, String token, String email) {
        public long id() {
            return account.id();
        }

        public String idString() {
            return Long.toString(account.id());
        }
    }

    public final Persona admin;
    public final Persona alice;
    public final Persona bob;
    public final Persona tom;
    public final Persona eve;
    /** A guest (a partner's employee): sees only the groups they are invited into. */
    public final Persona gus;

    public final long networkId;
    private final String suffix;
    private final CreateAccount createAccount;
    private final IssueToken issueToken;
    private final RegisterApp.Command appCommand = new RegisterApp.Command(
            "tests", "urn:ietf:wg:oauth:2.0:oob", "read write follow push admin:read admin:write", null);
    private final org.hallway.identity.OAuthApp app;

    public Personas(SetUpNetwork setUp, CreateAccount createAccount, RegisterApp registerApp, IssueToken issueToken) {
        this.createAccount = createAccount;
        this.issueToken = issueToken;
        this.suffix = UUID.randomUUID().toString().substring(0, 8);
        this.app = registerApp.handle(appCommand);
        var adminEmail = "admin-" + suffix + "@example.com";
        var adminAccount = setUp.create(new SetUpNetwork.Command("Acme " + suffix, adminEmail, PASSWORD, "Ada Admin"));
        this.networkId = adminAccount.networkId();
        this.admin = persona(adminAccount, adminEmail);
        this.alice = add("alice", "Alice Adams", "Product Manager", "Product", "Berlin", null);
        this.bob = add("bob", "Bob Brown", "Engineer", "Engineering", "Lisbon", "alice");
        this.tom = add("tom", "Tom Taylor", "Designer", "Product", "Berlin", "alice");
        this.eve = add("eve", "Eve Evans", "Accountant", "Finance", "Paris", null);
        this.gus = add("gus", "Gus Guest", "Consultant", "Partner Ltd", "Remote", null, Account.Role.GUEST);
    }

    /** Another colleague in the same network. */
    public Persona add(
            String username, String displayName, String title, String department, String location, String manager) {
        return add(username, displayName, title, department, location, manager, Account.Role.MEMBER);
    }

    public Persona add(
            String username,
            String displayName,
            String title,
            String department,
            String location,
            String manager,
            Account.Role role) {
        var email = username + "-" + suffix + "@example.com";
        var account = createAccount.handle(new CreateAccount.Command(
                networkId, username, email, PASSWORD, displayName, title, department, location, manager, role));
        return persona(account, email);
    }

    private Persona persona(Account account, String email) {
        var token = issueToken
                .password(app.clientId(), app.clientSecret(), email, PASSWORD, null)
                .accessToken();
        return new Persona(account, new Viewer(account.id(), account.networkId(), account.admin()), token, email);
    }

    public Map<String, String> client() {
        return Map.of("client_id", app.clientId(), "client_secret", app.clientSecret());
    }
}
