package org.hallway.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;

/** Port: the colleagues' lists, their members and the list feed query (with the audience check inside). */
public interface ListStore {
    void insert(FeedList list);

    void update(FeedList list);

    void delete(long listId);

    /** The list, if it belongs to the account (other people's lists are never found). */
    Optional<FeedList> find(long accountId, long listId);

    List<FeedList> ofAccount(long accountId);

    /** The account's lists that contain {@code memberId}. */
    List<FeedList> containing(long accountId, long memberId);

    List<Long> members(long listId);

    void addMembers(long networkId, long listId, Collection<Long> accountIds);

    void removeMembers(long listId, Collection<Long> accountIds);

    /** Takes the followee out of every list of the follower (an unfollow ends list membership). */
    void removeFromListsOf(long ownerId, long memberId);

    List<FeedStore.Entry> feed(Viewer viewer, FeedList list, PageRequest page);
}
