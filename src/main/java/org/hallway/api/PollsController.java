package org.hallway.api;

import java.util.ArrayList;
import org.hallway.api.entity.Poll;
import org.hallway.polls.FindPolls;
import org.hallway.polls.VoteInPoll;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's polls: read one, vote in one. A poll answers 404 to whoever may not see its post. */
@RestController
class PollsController {
    private final FindPolls find;
    private final VoteInPoll vote;

    PollsController(FindPolls find, VoteInPoll vote) {
        this.find = find;
        this.vote = vote;
    }

    @GetMapping("/api/v1/polls/{id}")
    Poll show(Viewer viewer, @PathVariable String id) {
        return Presenter.poll(find.require(viewer, Ids.parse(id)));
    }

    @PostMapping("/api/v1/polls/{id}/votes")
    Poll vote(Viewer viewer, @PathVariable String id, Params params) {
        long pollId = Ids.parse(id);
        var choices = new ArrayList<Integer>();
        for (var choice : params.list("choices")) {
            try {
                choices.add(Integer.parseInt(choice.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("choices", "choices must be option numbers");
            }
        }
        return Presenter.poll(vote.handle(viewer, pollId, choices));
    }
}
