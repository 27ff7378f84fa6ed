package org.hallway.testing;

import org.hallway.identity.CreateAccount;
import org.hallway.identity.IssueToken;
import org.hallway.identity.RegisterApp;
import org.hallway.identity.SetUpNetwork;
import org.springframework.stereotype.Component;

/** Makes a fresh set of personas in a new network; tests call it once per class. */
@Component
public class PersonaFactory {
    private final SetUpNetwork setUp;
    private final CreateAccount createAccount;
    private final RegisterApp registerApp;
    private final IssueToken issueToken;

    PersonaFactory(SetUpNetwork setUp, CreateAccount createAccount, RegisterApp registerApp, IssueToken issueToken) {
        this.setUp = setUp;
        this.createAccount = createAccount;
        this.registerApp = registerApp;
        this.issueToken = issueToken;
    }

    public Personas create() {
        return new Personas(setUp, createAccount, registerApp, issueToken);
    }
}
