package org.hallway.web.posts;

import org.hallway.posts.BookmarkPost;
import org.hallway.posts.LikePost;
import org.hallway.posts.Post;
import org.hallway.posts.RemoveBookmark;
import org.hallway.posts.RepostPost;
import org.hallway.posts.UndoRepost;
import org.hallway.posts.UnlikePost;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/** The six toggles, each returning the original post acted on. */
@Component
class PostActions {
    private final LikePost like;
    private final UnlikePost unlike;
    private final RepostPost repost;
    private final UndoRepost undoRepost;
    private final BookmarkPost bookmark;
    private final RemoveBookmark removeBookmark;

    PostActions(
            LikePost like,
            UnlikePost unlike,
            RepostPost repost,
            UndoRepost undoRepost,
            BookmarkPost bookmark,
            RemoveBookmark removeBookmark) {
        this.like = like;
        this.unlike = unlike;
        this.repost = repost;
        this.undoRepost = undoRepost;
        this.bookmark = bookmark;
        this.removeBookmark = removeBookmark;
    }

    long apply(Viewer viewer, long id, String action) {
        Post post =
                switch (action) {
                    case "like" -> like.handle(viewer, id);
                    case "unlike" -> unlike.handle(viewer, id);
                    case "repost" -> repost.handle(viewer, id);
                    case "unrepost" -> undoRepost.handle(viewer, id).orElseThrow(NotFoundException::record);
                    case "bookmark" -> bookmark.handle(viewer, id);
                    case "unbookmark" -> removeBookmark.handle(viewer, id);
                    default -> throw NotFoundException.record();
                };
        return post.isReblog() ? post.reblogOfId() : post.id();
    }
}
