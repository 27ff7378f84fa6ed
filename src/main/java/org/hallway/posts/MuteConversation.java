package org.hallway.posts;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutes the thread a post belongs to: replies, mentions, likes and reposts in it no longer notify the
 * colleague. The thread is named by its root, so muting from any of its posts mutes the same thread.
 */
@Service
public class MuteConversation {
    private final PostStore posts;
    private final ConversationMuteStore mutes;
    private final Visibility audience;
    private final Clock clock;

    MuteConversation(PostStore posts, ConversationMuteStore mutes, Visibility audience, Clock clock) {
        this.posts = posts;
        this.mutes = mutes;
        this.audience = audience;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var post = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        long shown = post.isReblog() ? post.reblogOfId() : post.id();
        mutes.mute(viewer.networkId(), viewer.accountId(), mutes.rootOf(shown), clock.instant());
    }
}
