package org.hallway.timeline;

import java.util.List;
import java.util.Set;
import org.hallway.follow.FollowStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds people to one of the reader's lists, or takes them out. As in Mastodon, only people the reader
 * follows can be added; nothing is stored when one of them is not.
 */
@Service
public class ChangeListMembers {
    private final ListStore lists;
    private final FollowStore follows;

    ChangeListMembers(ListStore lists, FollowStore follows) {
        this.lists = lists;
        this.follows = follows;
    }

    @Transactional
    public void add(Viewer viewer, long listId, List<Long> accountIds) {
        var list = lists.find(viewer.accountId(), listId).orElseThrow(NotFoundException::record);
        if (accountIds.isEmpty()) throw new InvalidInputException("account_ids", "account_ids is missing");
        Set<Long> followed = follows.followingAmong(viewer.accountId(), accountIds);
        if (!followed.containsAll(accountIds)) {
            throw new InvalidInputException("account_ids", "You can only add people you follow to a list");
        }
        lists.addMembers(list.networkId(), list.id(), accountIds);
    }

    @Transactional
    public void remove(Viewer viewer, long listId, List<Long> accountIds) {
        var list = lists.find(viewer.accountId(), listId).orElseThrow(NotFoundException::record);
        lists.removeMembers(list.id(), accountIds);
    }
}
