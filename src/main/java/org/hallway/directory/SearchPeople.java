package org.hallway.directory;

import java.util.List;
import java.util.Objects;
import org.hallway.audience.Visibility;
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
    private final Visibility audience;

    SearchPeople(PeopleStore people, AccountStore accounts, Visibility audience) {
        this.people = people;
        this.accounts = accounts;
        this.audience = audience;
    }

    public List<Account> handle(Viewer viewer, Query q) {
        var text = q.text().strip().replaceFirst("^@", "");
        int at = text.indexOf('@');
        // Compat(mastodon): "user@domain" searches for the local user.
        if (at > 0) text = text.substring(0, at);
        if (text.isBlank()) return List.of();
        // A guest finds only the people they may see: the members of their groups.
        if (audience.isGuest(viewer)) return guestSearch(viewer, text, q);
        var ids = people.search(
                viewer.networkId(),
                text,
                q.onlyFollowed() ? viewer.accountId() : null,
                Math.max(0, q.offset()),
                Math.clamp(q.limit(), 1, 80));
        var found = accounts.findAll(viewer.networkId(), ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private List<Account> guestSearch(Viewer viewer, String text, Query q) {
        var ids = people.search(viewer.networkId(), text, null, 0, 200);
        var found = accounts.findAll(viewer.networkId(), ids);
        var visible = audience.visibleAccountsAmong(viewer, ids);
        return ids.stream()
                .filter(visible::contains)
                .map(found::get)
                .filter(Objects::nonNull)
                .skip(Math.max(0, q.offset()))
                .limit(Math.clamp(q.limit(), 1, 80))
                .toList();
    }
}
