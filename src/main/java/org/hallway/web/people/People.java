package org.hallway.web.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.ProfileStore;
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
    private final ProfileStore profiles;
    private final Visibility audience;

    People(AccountStore accounts, FollowStore follows, Avatars avatars, ProfileStore profiles, Visibility audience) {
        this.audience = audience;
        this.accounts = accounts;
        this.follows = follows;
        this.avatars = avatars;
        this.profiles = profiles;
    }

    String avatar(long accountId) {
        return avatars.thumbnailPath(accountId);
    }

    ProfileDetails details(Viewer viewer, Account account, org.hallway.directory.OrgChart chart) {
        var profile = profiles.find(viewer.networkId(), account.id());
        var definitions = profiles.definitions(viewer.networkId());
        var personIds = new HashSet<Long>();
        for (var d : definitions) {
            var v = profile.value(d.id());
            if (d.type() == ProfileFieldDefinition.Type.PERSON && v != null) personIds.add(Long.parseLong(v));
        }
        // A guest learns only the people of their groups: a person field naming anyone else is left out.
        var named = audience.mayName(viewer, personIds);
        var persons = accounts.findAll(
                viewer.networkId(), personIds.stream().filter(named::test).toList());
        var shown = new ArrayList<ProfileDetails.Shown>();
        for (var d : definitions) {
            var v = profile.value(d.id());
            if (v == null || v.isBlank()) continue;
            switch (d.type()) {
                case LINK -> shown.add(new ProfileDetails.Shown(d.name(), v, v));
                case PERSON -> {
                    var person = persons.get(Long.parseLong(v));
                    if (person != null)
                        shown.add(new ProfileDetails.Shown(d.name(), person.displayName(), "/@" + person.username()));
                }
                default -> shown.add(new ProfileDetails.Shown(d.name(), v, null));
            }
        }
        for (var f : profile.fields()) {
            boolean link = f.value().startsWith("https://") || f.value().startsWith("http://");
            shown.add(new ProfileDetails.Shown(f.name(), f.value(), link ? f.value() : null));
        }
        return new ProfileDetails(
                profile.phone(),
                profile.skills(),
                shown,
                chart.managers(),
                chart.reports().size(),
                chart.peers().size(),
                "/@" + account.username() + "/org");
    }

    Person person(Viewer viewer, Account account) {
        return people(viewer, List.of(account)).getFirst();
    }

    List<Person> people(Viewer viewer, List<Account> list) {
        if (list.isEmpty()) return List.of();
        var ids = list.stream().map(Account::id).toList();
        var counts = follows.counts(ids);
        var followed = follows.followingAmong(viewer.accountId(), ids);
        var managerIds = list.stream()
                .map(Account::managerId)
                .filter(java.util.Objects::nonNull)
                .toList();
        var named = audience.mayName(viewer, managerIds);
        var managers = managerIds.isEmpty()
                ? java.util.Map.<Long, Account>of()
                : accounts.findAll(
                        viewer.networkId(),
                        managerIds.stream().filter(named::test).toList());
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
