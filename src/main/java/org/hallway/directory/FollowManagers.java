package org.hallway.directory;

import java.util.LinkedHashSet;
import org.hallway.follow.FollowAccount;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * A colleague follows their manager chain up to the top and their department's leads, so that a
 * newcomer's home feed starts with the people whose posts matter to them. Following again changes
 * nothing, so running twice is harmless.
 */
@Service
public class FollowManagers {
    private final AccountStore accounts;
    private final PeopleStore people;
    private final FollowAccount follow;

    FollowManagers(AccountStore accounts, PeopleStore people, FollowAccount follow) {
        this.accounts = accounts;
        this.people = people;
        this.follow = follow;
    }

    /** Returns how many colleagues were considered. */
    public int handle(long networkId, long accountId) {
        var account = accounts.find(networkId, accountId).orElseThrow(NotFoundException::record);
        if (!account.active()) return 0;
        var targets = new LinkedHashSet<Long>(people.managerChain(networkId, accountId));
        targets.addAll(people.departmentLeads(networkId, account.department()));
        targets.remove(accountId);
        var viewer = new Viewer(account.id(), networkId, account.admin());
        for (var target : targets) {
            try {
                follow.handle(viewer, target);
            } catch (InvalidInputException | NotFoundException e) {
                // A manager who has left is simply not followed.
            }
        }
        return targets.size();
    }
}
