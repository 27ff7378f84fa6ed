package org.hallway.timeline;

import java.util.List;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A post's thread: the posts it answers (oldest first) and the replies below it, as far as the reader may see. */
@Service
public class ReadThread {
    public record Thread(List<PostView> ancestors, PostView post, List<PostView> descendants) {}

    private final FeedStore feeds;
    private final FindPosts posts;

    ReadThread(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public Thread handle(Viewer viewer, long postId) {
        var post = posts.require(viewer, postId);
        var id = post.shown().post().id();
        return new Thread(
                posts.hydrate(viewer, feeds.ancestors(viewer, id)),
                post,
                posts.hydrate(viewer, feeds.descendants(viewer, id)));
    }
}
