package org.hallway.timeline;

import java.time.Clock;
import java.util.TreeSet;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
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

    @ApplicationModuleListener
    void on(PostCreated event) {
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
