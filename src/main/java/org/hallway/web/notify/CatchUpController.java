package org.hallway.web.notify;

import java.util.Objects;
import org.hallway.notify.ReadCatchUp;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.hallway.web.Cards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "While you were away": what a returning colleague missed, most important first. */
@Controller
class CatchUpController {
    private final ReadCatchUp catchUp;
    private final Cards cards;

    CatchUpController(ReadCatchUp catchUp, Cards cards) {
        this.catchUp = catchUp;
        this.cards = cards;
    }

    @GetMapping("/away")
    String away(Viewer viewer, Model model) {
        var missed = catchUp.handle(viewer);
        var mentioned = missed.mentions().stream()
                .map(m -> m.post())
                .filter(Objects::nonNull)
                .map(PostView.class::cast)
                .toList();
        model.addAttribute("title", "While you were away");
        model.addAttribute("since", cards.when(missed.since()));
        model.addAttribute("mentions", cards.of(viewer, mentioned));
        model.addAttribute("followed", cards.of(viewer, missed.followed()));
        model.addAttribute("popular", cards.of(viewer, missed.popular()));
        model.addAttribute("department", missed.department());
        return "pages/away";
    }
}
