package org.hallway.web.posts;

import java.util.List;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadThread;
import org.hallway.web.Cards;
import org.hallway.web.Form;
import org.hallway.web.PostVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A post's own page: the conversation around it with a reply box, and its edit history. */
@Controller
class ThreadController {
    private final ReadThread threads;
    private final FindPosts find;
    private final Cards cards;

    ThreadController(ReadThread threads, FindPosts find, Cards cards) {
        this.threads = threads;
        this.find = find;
        this.cards = cards;
    }

    @GetMapping("/@{username}/{id}")
    String thread(Viewer viewer, @PathVariable String username, @PathVariable long id, Model model) {
        var thread = threads.handle(viewer, id);
        var shown = thread.post().shown();
        var canonical = Cards.permalink(shown.author().username(), shown.post().id());
        // A repost's id or a wrong name in the address still finds the post, under its one address.
        if (!canonical.equals("/@" + username + "/" + id)) return "redirect:" + canonical;
        model.addAttribute("title", shown.author().displayName() + ": post");
        // The thread's other posts meet the reader's filters; the post asked for is always shown, under
        // its warning if it has one.
        model.addAttribute("ancestors", cards.of(viewer, thread.ancestors(), "thread"));
        var focus = cards.of(viewer, List.of(shown), "thread");
        model.addAttribute("card", focus.isEmpty() ? cards.of(viewer, shown) : focus.getFirst());
        model.addAttribute("replies", cards.of(viewer, thread.descendants(), "thread"));
        model.addAttribute(
                "compose",
                Form.of(
                        "visibility",
                        shown.post().visibility().code(),
                        "text",
                        shown.author().id() == viewer.accountId()
                                ? ""
                                : "@" + shown.author().username() + " "));
        model.addAttribute("inReplyTo", shown.post().id());
        return "pages/thread";
    }

    @GetMapping("/@{username}/{id}/history")
    String history(Viewer viewer, @PathVariable String username, @PathVariable long id, Model model) {
        var card = cards.of(viewer, find.require(viewer, id).shown());
        var versions = find.history(viewer, card.post().id()).reversed().stream()
                .map(e -> new PostVersion(
                        e.html(),
                        cards.when(e.createdAt()),
                        e.media().stream().map(ThreadController::attachment).toList()))
                .toList();
        model.addAttribute("title", "Edit history");
        model.addAttribute("card", card);
        model.addAttribute("versions", versions);
        return "pages/history";
    }

    private static String attachment(org.hallway.posts.PostStore.EditMedia m) {
        var kind =
                switch (m.type()) {
                    case "video" -> "Video";
                    case "gifv" -> "Animated image";
                    case "audio" -> "Audio";
                    default -> "Image";
                };
        return m.description().isEmpty() ? kind + " (no description)" : kind + ": " + m.description();
    }
}
