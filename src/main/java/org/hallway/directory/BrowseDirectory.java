package org.hallway.directory;

import java.util.List;
import java.util.Objects;
import org.hallway.audience.Visibility;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * The people directory: active colleagues, filtered by department, location, title and skill. Guests
 * have none (they see only the members of their groups).
 */
@Service
public class BrowseDirectory {
    private final PeopleStore people;
    private final AccountStore accounts;
    private final Visibility audience;

    BrowseDirectory(PeopleStore people, AccountStore accounts, Visibility audience) {
        this.people = people;
        this.accounts = accounts;
        this.audience = audience;
    }

    public List<Account> handle(Viewer viewer, PeopleStore.DirectoryFilter filter, int offset, int limit) {
        // Guests have no people directory.
        if (audience.isGuest(viewer)) return List.of();
        var skill = filter.skill() == null
                ? null
                : filter.skill().strip().replaceFirst("^#", "").toLowerCase(java.util.Locale.ROOT);
        var normalized = new PeopleStore.DirectoryFilter(
                filter.department(), filter.location(), filter.title(), skill, filter.order());
        var ids = people.directory(viewer.networkId(), normalized, Math.max(0, offset), Math.clamp(limit, 1, 80));
        var found = accounts.findAll(viewer.networkId(), ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
