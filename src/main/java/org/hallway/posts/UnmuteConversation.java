package org.hallway.posts;

import org.hallway.audience.Visibility;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lets the thread a post belongs to notify the colleague again. */
@Service
public class UnmuteConversation {
    private final PostStore posts;
    private final ConversationMuteStore mutes;
    private final Visibility audience;

    UnmuteConversation(PostStore posts, ConversationMuteStore mutes, Visibility audience) {
        this.posts = posts;
        this.mutes = mutes;
        this.audience = audience;
    }

    @Transactional
    public void handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var post = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        long shown = post.isReblog() ? post.reblogOfId() : post.id();
        mutes.unmute(viewer.accountId(), mutes.rootOf(shown));
    }
}
