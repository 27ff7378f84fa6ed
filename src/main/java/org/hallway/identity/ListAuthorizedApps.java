package org.hallway.identity;

import java.util.List;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The apps a colleague has let act for them (each with live tokens), most recently used first. */
@Service
public class ListAuthorizedApps {
    private final TokenStore tokens;

    ListAuthorizedApps(TokenStore tokens) {
        this.tokens = tokens;
    }

    @Transactional(readOnly = true)
    public List<TokenStore.AuthorizedApp> handle(Viewer viewer) {
        return tokens.authorizedApps(viewer.accountId());
    }
}
