package org.hallway.notify;

import java.util.List;
import org.hallway.identity.Account;

/**
 * A group of notifications as its recipient sees it: its newest notification (with its actor and post),
 * how many it holds, the range of ids read, and the latest colleagues in it.
 */
public record NotificationGroupView(
        String key, NotificationView latest, int count, long pageMinId, long pageMaxId, List<Account> sampleAccounts) {}
