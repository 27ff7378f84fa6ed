package org.hallway.web.posts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hallway.polls.VoteInPoll;
import org.hallway.posts.FindPosts;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.web.Cards;
import org.hallway.web.FeedPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Voting in the poll of a card; htmx gets the card back with the results (or the reason it failed). */
@Controller
class PollVoteController {
    private final VoteInPoll vote;
    private final FindPosts find;
    private final Cards cards;

    PollVoteController(VoteInPoll vote, FindPosts find, Cards cards) {
        this.vote = vote;
        this.find = find;
        this.cards = cards;
    }

    @PostMapping("/posts/{id}/vote")
    String vote(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(name = "choice", required = false) List<Integer> choices,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        var poll = find.require(viewer, id).shown().poll();
        if (poll == null) throw NotFoundException.record();
        try {
            vote.handle(viewer, poll.id(), choices == null ? List.of() : choices);
        } catch (InvalidInputException e) {
            res.setStatus(422);
            model.addAttribute("pollError", e.getMessage());
        }
        var card = cards.of(viewer, find.require(viewer, id));
        if (!FeedPages.isHtmx(req)) return "redirect:" + card.permalink();
        model.addAttribute("card", card);
        return "fragments/card";
    }
}
