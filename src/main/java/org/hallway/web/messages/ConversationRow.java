package org.hallway.web.messages;

import java.util.List;
import org.hallway.timeline.Conversations;
import org.hallway.web.Cards;

/** A conversation as the inbox lists it. */
public record ConversationRow(
        long id, boolean unread, String names, List<String> avatars, String snippet, String when) {
    static ConversationRow of(Conversations.View v, Cards cards) {
        var last = v.lastPost();
        var snippet = last == null ? "" : last.post().text();
        if (snippet.length() > 140) snippet = snippet.substring(0, 140) + "…";
        return new ConversationRow(
                v.id(),
                v.unread(),
                names(v),
                v.others().stream().map(a -> cards.avatar(a.id())).limit(3).toList(),
                snippet,
                last == null ? "" : cards.when(last.post().createdAt()).relative());
    }

    static String names(Conversations.View v) {
        var names = v.others().stream().map(a -> a.displayName()).toList();
        return names.isEmpty() ? "yourself" : String.join(", ", names);
    }

    public String href() {
        return "/messages/" + id;
    }
}
