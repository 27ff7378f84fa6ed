package org.hallway.directory;

import java.util.List;
import java.util.Objects;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Finds colleagues as someone types: by name, handle, title, department or skill, ranked with exact
 * names and handles first, then names that start with the query, then the rest.
 */
@Service
public class SearchPeople {
    public record Query(String text, boolean onlyFollowed, int offset, int limit) {}

    private final PeopleStore people;
    private final AccountStore accounts;

    SearchPeople(PeopleStore people, AccountStore accounts) {
        this.people = people;
        this.accounts = accounts;
    }

    public List<Account> handle(Viewer viewer, Query q) {
        var text = q.text().strip().replaceFirst("^@", "");
        int at = text.indexOf('@');
        // Compat(mastodon): "user@domain" searches for the local user.
        if (at > 0) text = text.substring(0, at);
        if (text.isBlank()) return List.of();
        var ids = people.search(
                viewer.networkId(),
                text,
                q.onlyFollowed() ? viewer.accountId() : null,
                Math.max(0, q.offset()),
                Math.clamp(q.limit(), 1, 80));
        var found = accounts.findAll(viewer.networkId(), ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
