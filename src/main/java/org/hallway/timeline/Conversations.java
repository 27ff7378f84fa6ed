package org.hallway.timeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The direct-message inbox: the reader's conversations with their other participants, newest message
 * and unread state; one conversation's messages; marking read and removing. A conversation that is
 * not the reader's answers "not found".
 */
@Service
public class Conversations {
    public static final int MESSAGES_LIMIT = 200;

    /** A conversation as its owner sees it: the others in it and the newest message they may see. */
    public record View(long id, boolean unread, List<Account> others, @Nullable PostView lastPost) {}

    public record Page(List<View> items, @Nullable Long nextMaxId, @Nullable Long prevMinId) {}

    private final ConversationStore conversations;
    private final AccountStore accounts;
    private final FindPosts posts;

    Conversations(ConversationStore conversations, AccountStore accounts, FindPosts posts) {
        this.conversations = conversations;
        this.accounts = accounts;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public Page inbox(Viewer viewer, PageRequest page) {
        var list = conversations.inbox(viewer, page);
        if (list.isEmpty()) return new Page(List.of(), null, null);
        return new Page(
                views(viewer, list),
                list.getLast().lastPostId(),
                list.getFirst().lastPostId());
    }

    @Transactional(readOnly = true)
    public View require(Viewer viewer, long id) {
        var c = conversations.find(viewer, id).orElseThrow(NotFoundException::record);
        return views(viewer, List.of(c)).getFirst();
    }

    /** The reader's conversation among these participants (as a direct stream shows it), if they still have it. */
    @Transactional(readOnly = true)
    public Optional<View> among(Viewer viewer, List<Long> participants) {
        return conversations.findAmong(viewer, participants).map(c -> views(viewer, List.of(c))
                .getFirst());
    }

    /** The conversation's messages, oldest first. */
    @Transactional(readOnly = true)
    public List<PostView> messages(Viewer viewer, long id) {
        var c = conversations.find(viewer, id).orElseThrow(NotFoundException::record);
        return posts.hydrate(viewer, conversations.messages(viewer, c.participants(), MESSAGES_LIMIT));
    }

    @Transactional
    public View markRead(Viewer viewer, long id) {
        conversations.find(viewer, id).orElseThrow(NotFoundException::record);
        conversations.markRead(viewer, id);
        return require(viewer, id);
    }

    /** Removes the conversation from the reader's inbox only; the others keep theirs. */
    @Transactional
    public void remove(Viewer viewer, long id) {
        if (!conversations.remove(viewer, id)) throw NotFoundException.record();
    }

    private List<View> views(Viewer viewer, List<ConversationStore.Conversation> list) {
        var accountIds = new HashSet<Long>();
        list.forEach(c -> accountIds.addAll(c.participants()));
        Map<Long, Account> people = accounts.findAll(viewer.networkId(), accountIds);
        var lastIds =
                list.stream().map(ConversationStore.Conversation::lastPostId).toList();
        // Hydrating skips deleted messages; a conversation whose newest message is gone shows none.
        var visible = posts.hydrate(viewer, lastIds).stream()
                .collect(Collectors.toMap(v -> v.post().id(), Function.identity()));
        var result = new ArrayList<View>(list.size());
        for (var c : list) {
            var others = c.participants().stream()
                    .filter(id -> id != viewer.accountId())
                    .map(people::get)
                    .filter(Objects::nonNull)
                    .toList();
            result.add(new View(c.id(), c.unread(), others, visible.get(c.lastPostId())));
        }
        return result;
    }
}
