package org.hallway.web.messages;

import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.Conversations;
import org.hallway.web.Cards;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The direct-message inbox ("Messages"): conversations with unread marks, one conversation with a reply box. */
@Controller
class MessagesController {
    private final Conversations conversations;
    private final Cards cards;

    MessagesController(Conversations conversations, Cards cards) {
        this.conversations = conversations;
        this.cards = cards;
    }

    @GetMapping("/messages")
    String inbox(Viewer viewer, @RequestParam(name = "max_id", required = false) Long maxId, Model model) {
        var page = conversations.inbox(viewer, new PageRequest(maxId, null, null, PageRequest.MAX_LIMIT));
        model.addAttribute("title", "Messages");
        model.addAttribute(
                "conversations",
                page.items().stream().map(v -> ConversationRow.of(v, cards)).toList());
        model.addAttribute(
                "more", page.items().size() >= PageRequest.MAX_LIMIT ? "/messages?max_id=" + page.nextMaxId() : null);
        model.addAttribute("compose", Form.of("visibility", "direct"));
        return "pages/messages";
    }

    @GetMapping("/messages/{id}")
    String conversation(Viewer viewer, @PathVariable long id, Model model) {
        var view = conversations.markRead(viewer, id);
        var messages = conversations.messages(viewer, id);
        model.addAttribute("title", "Messages with " + ConversationRow.names(view));
        model.addAttribute("row", ConversationRow.of(view, cards));
        model.addAttribute("messages", cards.of(viewer, messages));
        model.addAttribute("compose", Form.of("visibility", "direct"));
        model.addAttribute(
                "inReplyTo",
                messages.isEmpty() ? null : messages.getLast().post().id());
        return "pages/conversation";
    }

    @PostMapping("/messages/{id}/delete")
    String remove(Viewer viewer, @PathVariable long id) {
        conversations.remove(viewer, id);
        return "redirect:/messages";
    }
}
