package org.hallway.timeline;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Renames a list or changes its replies policy or exclusivity; absent values stay as they are. */
@Service
public class UpdateList {
    public record Command(@Nullable String title, @Nullable String repliesPolicy, @Nullable Boolean exclusive) {}

    private final ListStore lists;

    UpdateList(ListStore lists) {
        this.lists = lists;
    }

    @Transactional
    public FeedList handle(Viewer viewer, long listId, Command cmd) {
        var list = lists.find(viewer.accountId(), listId).orElseThrow(NotFoundException::record);
        var updated = new FeedList(
                list.id(),
                list.networkId(),
                list.accountId(),
                cmd.title() == null ? list.title() : FeedList.checkTitle(cmd.title()),
                cmd.repliesPolicy() == null ? list.repliesPolicy() : FeedList.checkRepliesPolicy(cmd.repliesPolicy()),
                cmd.exclusive() == null ? list.exclusive() : cmd.exclusive(),
                list.createdAt());
        lists.update(updated);
        return updated;
    }
}
