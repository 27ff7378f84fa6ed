package org.hallway.notify;

import java.util.LinkedHashSet;
import org.hallway.polls.PollEnded;
import org.hallway.polls.PollStore;
import org.hallway.posts.PostStore;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a poll ends, its author and everyone who voted get a {@code poll} notification about the post
 * (from the author, as Mastodon sends it). Nobody hears of a poll whose post was deleted.
 */
@Component
class NotifyOnPolls {
    private final NotifyColleague notify;
    private final PollStore polls;
    private final PostStore posts;

    NotifyOnPolls(NotifyColleague notify, PollStore polls, PostStore posts) {
        this.notify = notify;
        this.polls = polls;
        this.posts = posts;
    }

    @ApplicationModuleListener
    void on(PollEnded event) {
        if (posts.find(event.networkId(), event.postId()).isEmpty()) return;
        var recipients = new LinkedHashSet<Long>();
        recipients.add(event.authorId());
        recipients.addAll(polls.voterIds(event.pollId()));
        for (var recipient : recipients) {
            notify.handle(
                    event.networkId(),
                    recipient,
                    NotificationType.POLL,
                    event.authorId(),
                    event.postId(),
                    event.pollId());
        }
    }
}
