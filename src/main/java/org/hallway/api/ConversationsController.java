package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.api.entity.Conversation;
import org.hallway.api.streaming.StreamedConversations;
import org.hallway.shared.Viewer;
import org.hallway.timeline.Conversations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Direct-message conversations (Mastodon's /api/v1/conversations): list, mark read, remove. */
@RestController
class ConversationsController implements StreamedConversations {
    private final Conversations conversations;
    private final Presenter presenter;
    private final BaseUrl baseUrl;

    ConversationsController(Conversations conversations, Presenter presenter, BaseUrl baseUrl) {
        this.conversations = conversations;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/conversations")
    ResponseEntity<List<Conversation>> list(Viewer viewer, Params params, HttpServletRequest request) {
        var page = conversations.inbox(viewer, Paging.from(params));
        var body = page.items().stream().map(this::conversation).toList();
        return Paging.respond(body, page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }

    @PostMapping("/api/v1/conversations/{id}/read")
    Conversation read(Viewer viewer, @PathVariable String id) {
        return conversation(conversations.markRead(viewer, Ids.parse(id)));
    }

    @DeleteMapping("/api/v1/conversations/{id}")
    Map<String, Object> remove(Viewer viewer, @PathVariable String id) {
        conversations.remove(viewer, Ids.parse(id));
        return Map.of();
    }

    @Override
    public Optional<Object> render(Viewer viewer, List<Long> participants) {
        return conversations.among(viewer, participants).map(this::conversation);
    }

    private Conversation conversation(Conversations.View v) {
        return new Conversation(
                Long.toString(v.id()),
                v.unread(),
                presenter.accounts(v.others()),
                v.lastPost() == null ? null : presenter.status(v.lastPost()));
    }
}
