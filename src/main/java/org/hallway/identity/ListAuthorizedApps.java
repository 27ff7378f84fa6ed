package org.hallway.identity;

import java.util.List;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** The apps a colleague has let act for them (each with live tokens), most recently used first. */
@Service
public class ListAuthorizedApps {
    private final TokenStore tokens;

    ListAuthorizedApps(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** No transaction: one statement, after the store has written the uses it kept (they commit on their own). */
    public List<TokenStore.AuthorizedApp> handle(Viewer viewer) {
        return tokens.authorizedApps(viewer.accountId());
    }
}
