package org.hallway.timeline;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes a new, empty list for the reader. */
@Service
public class CreateList {
    public record Command(String title, @Nullable String repliesPolicy, boolean exclusive) {}

    private final ListStore lists;
    private final Ids ids;
    private final Clock clock;

    CreateList(ListStore lists, Ids ids, Clock clock) {
        this.lists = lists;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public FeedList handle(Viewer viewer, Command cmd) {
        var list = new FeedList(
                ids.next(),
                viewer.networkId(),
                viewer.accountId(),
                FeedList.checkTitle(cmd.title()),
                FeedList.checkRepliesPolicy(cmd.repliesPolicy() == null ? "list" : cmd.repliesPolicy()),
                cmd.exclusive(),
                clock.instant());
        lists.insert(list);
        return list;
    }
}
