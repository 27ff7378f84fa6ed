package org.hallway.web.people;

import java.util.List;
import org.hallway.follow.FollowStore;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.identity.Avatars;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/** Looks up what a profile or a people list shows about colleagues, in a fixed number of queries. */
@Component
class People {
    private final AccountStore accounts;
    private final FollowStore follows;
    private final Avatars avatars;

    People(AccountStore accounts, FollowStore follows, Avatars avatars) {
        this.accounts = accounts;
        this.follows = follows;
        this.avatars = avatars;
    }

    Person person(Viewer viewer, Account account) {
        return people(viewer, List.of(account)).getFirst();
    }

    List<Person> people(Viewer viewer, List<Account> list) {
        var ids = list.stream().map(Account::id).toList();
        var counts = follows.counts(ids);
        var followed = follows.followingAmong(viewer.accountId(), ids);
        var managerIds = list.stream()
                .map(Account::managerId)
                .filter(java.util.Objects::nonNull)
                .toList();
        var managers = managerIds.isEmpty()
                ? java.util.Map.<Long, Account>of()
                : accounts.findAll(viewer.networkId(), managerIds);
        return list.stream()
                .map(a -> {
                    var c = counts.getOrDefault(a.id(), new FollowStore.Counts(0, 0));
                    return new Person(
                            a,
                            avatars.path(a.id()),
                            a.managerId() == null ? null : managers.get(a.managerId()),
                            c.followers(),
                            c.following(),
                            followed.contains(a.id()));
                })
                .toList();
    }
}
