package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed of one of the reader's lists: posts and reposts by its members that the reader may see,
 * with replies as the list's policy says, newest first. Read at read time, not fanned out.
 */
@Service
public class ReadListFeed {
    private final ListStore lists;
    private final FindPosts posts;

    ReadListFeed(ListStore lists, FindPosts posts) {
        this.lists = lists;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, long listId, PageRequest page) {
        var list = lists.find(viewer.accountId(), listId).orElseThrow(NotFoundException::record);
        return Pages.of(lists.feed(viewer, list, page), posts, viewer);
    }
}
