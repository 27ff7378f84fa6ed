package org.hallway.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hallway.audience.Visibility;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Reads a colleague's place in the org chart; every colleague of the network may see it. A guest sees
 * the chart of the people they may see, with only those people in it (the members of their groups).
 */
@Service
public class ReadOrgChart {
    private final AccountStore accounts;
    private final PeopleStore people;
    private final Visibility audience;

    ReadOrgChart(AccountStore accounts, PeopleStore people, Visibility audience) {
        this.accounts = accounts;
        this.people = people;
        this.audience = audience;
    }

    public OrgChart handle(Viewer viewer, long accountId) {
        audience.requireAccountVisible(viewer, accountId);
        var person = accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        var chain = people.managerChain(viewer.networkId(), accountId);
        var reports = people.reports(viewer.networkId(), accountId);
        var peers = person.managerId() == null
                ? List.<Long>of()
                : people.reports(viewer.networkId(), person.managerId()).stream()
                        .filter(id -> id != accountId)
                        .toList();
        var all = new ArrayList<Long>(chain);
        all.addAll(reports);
        all.addAll(peers);
        var found = new java.util.HashMap<>(accounts.findAll(viewer.networkId(), all));
        if (audience.isGuest(viewer)) found.keySet().retainAll(audience.visibleAccountsAmong(viewer, found.keySet()));
        return new OrgChart(person, ordered(chain.reversed(), found), ordered(reports, found), ordered(peers, found));
    }

    private static List<Account> ordered(Collection<Long> ids, java.util.Map<Long, Account> found) {
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
