package org.hallway.timeline;

import java.time.Clock;
import java.util.TreeSet;
import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Files a new direct message in the conversation of every participant: unread for the recipients,
 * read for its author. A conversation someone removed comes back with the next message.
 */
@Component
class FileDirectMessage {
    private final ConversationStore conversations;
    private final Ids ids;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    FileDirectMessage(ConversationStore conversations, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    @Order(10)
    void on(PostCommitted committed) {
        var event = committed.post();
        if (event.visibility() != PostVisibility.DIRECT || event.reblogOfId() != null) return;
        var participants = new TreeSet<Long>(event.mentionedAccountIds());
        participants.add(event.authorId());
        var sorted = participants.stream().toList();
        var now = clock.instant();
        for (var account : sorted) {
            conversations.file(
                    ids.next(), event.networkId(), account, sorted, event.postId(), account != event.authorId(), now);
        }
        events.publishEvent(new DirectMessageFiled(event.networkId(), event.postId(), sorted));
    }
}
