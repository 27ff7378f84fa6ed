package org.hallway.web.people;

import org.hallway.audience.Visibility;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The colleague directory: everyone, newest first, or those whose name starts with what was typed. */
@Controller
class PeopleController {
    private static final int PAGE = 40;

    private final AccountStore accounts;
    private final People people;

    private final Visibility audience;

    PeopleController(AccountStore accounts, People people, Visibility audience) {
        this.accounts = accounts;
        this.people = people;
        this.audience = audience;
    }

    @GetMapping("/people")
    String people(
            Viewer viewer,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model) {
        var query = q.strip().replaceFirst("^@", "");
        var listed =
                query.isEmpty() ? accounts.list(viewer.networkId(), new PageRequest(maxId, null, null, PAGE)) : null;
        var found = listed != null
                ? listed.stream().filter(Account::active).toList()
                : accounts.search(viewer.networkId(), query, PAGE);
        // Guests have no people directory: they find only the members of their groups.
        if (audience.isGuest(viewer))
            found = found.stream()
                    .filter(a -> audience.canSeeAccount(viewer, a.id()))
                    .toList();
        model.addAttribute("title", "People");
        model.addAttribute("q", q);
        model.addAttribute("people", people.people(viewer, found));
        model.addAttribute(
                "more",
                listed != null && listed.size() >= PAGE
                        ? "/people?max_id=" + listed.getLast().id()
                        : null);
        return "pages/people";
    }
}
