package org.hallway.directory;

import java.util.List;
import org.hallway.identity.Account;

/**
 * Where a colleague sits: their managers from the top down to their own manager, their direct
 * reports and their peers (who share their manager).
 */
public record OrgChart(Account person, List<Account> managers, List<Account> reports, List<Account> peers) {

    public boolean isEmpty() {
        return managers.isEmpty() && reports.isEmpty() && peers.isEmpty();
    }
}
