package org.hallway.posts;

import org.hallway.audience.Visibility;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;

/** Likes and bookmarks land on the original, whichever of its reposts was clicked. */
final class Reactions {
    private Reactions() {}

    static Post original(PostStore posts, Visibility audience, Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var post = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        if (!post.isReblog()) return post;
        return posts.find(viewer.networkId(), post.reblogOfId()).orElseThrow(NotFoundException::record);
    }
}
