package org.hallway.web.people;

import java.util.List;
import java.util.Locale;
import org.hallway.directory.BrowseDirectory;
import org.hallway.directory.PeopleStore;
import org.hallway.directory.ProfileStore;
import org.hallway.directory.SearchPeople;
import org.hallway.identity.Account;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The colleague directory: everyone by name, narrowed by department, location, title and skill, or
 * found as one types a name, handle, title, department or skill.
 */
@Controller
class PeopleController {
    private static final int PAGE = 40;

    private final SearchPeople search;
    private final BrowseDirectory directory;
    private final ProfileStore profiles;
    private final People people;

    PeopleController(SearchPeople search, BrowseDirectory directory, ProfileStore profiles, People people) {
        this.search = search;
        this.directory = directory;
        this.profiles = profiles;
        this.people = people;
    }

    @GetMapping("/people")
    String people(
            Viewer viewer,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String skill,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filter = new PeopleStore.DirectoryFilter(
                department.strip(), location.strip(), title.strip(), skill.strip(), PeopleStore.Order.NAME);
        boolean filtered = !(department.isBlank() && location.isBlank() && title.isBlank() && skill.isBlank());
        List<Account> found;
        boolean more;
        int start = Math.max(0, offset);
        if (q.isBlank()) {
            found = directory.handle(viewer, filter, start, PAGE + 1);
            more = found.size() > PAGE;
            if (more) found = found.subList(0, PAGE);
        } else {
            // A search narrowed by filters keeps only the matches that pass them.
            found = search.handle(viewer, new SearchPeople.Query(q, false, 0, filtered ? 80 : PAGE));
            if (filtered) found = narrow(viewer, found, filter);
            more = false;
        }
        model.addAttribute("title", "People");
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("location", location);
        model.addAttribute("jobTitle", title);
        model.addAttribute("skill", skill);
        model.addAttribute("filtered", filtered);
        model.addAttribute("people", people.people(viewer, found));
        model.addAttribute(
                "more",
                more
                        ? UriComponentsBuilder.fromPath("/people")
                                .queryParam("department", department)
                                .queryParam("location", location)
                                .queryParam("title", title)
                                .queryParam("skill", skill)
                                .queryParam("offset", start + PAGE)
                                .encode()
                                .build()
                                .toUriString()
                        : null);
        return "pages/people";
    }

    /** Mention autocomplete in the compose box: the best few matches as JSON for app.js. */
    @GetMapping(value = "/people/suggest", produces = "application/json")
    @ResponseBody
    List<Suggestion> suggest(Viewer viewer, @RequestParam(defaultValue = "") String q) {
        if (q.isBlank()) return List.of();
        return search.handle(viewer, new SearchPeople.Query(q, false, 0, 6)).stream()
                .map(a -> new Suggestion(a.username(), a.displayName(), people.avatar(a.id())))
                .toList();
    }

    record Suggestion(String username, String displayName, String avatar) {}

    private List<Account> narrow(Viewer viewer, List<Account> found, PeopleStore.DirectoryFilter f) {
        var skill = f.skill().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        var skills = skill.isEmpty()
                ? java.util.Map.<Long, org.hallway.directory.ColleagueProfile>of()
                : profiles.findAll(
                        viewer.networkId(), found.stream().map(Account::id).toList());
        return found.stream()
                .filter(a -> f.department().isEmpty() || a.department().equalsIgnoreCase(f.department()))
                .filter(a -> f.location().isEmpty() || a.location().equalsIgnoreCase(f.location()))
                .filter(a -> f.title().isEmpty()
                        || a.title().toLowerCase(Locale.ROOT).contains(f.title().toLowerCase(Locale.ROOT)))
                .filter(a -> skill.isEmpty()
                        || (skills.containsKey(a.id())
                                && skills.get(a.id()).skills().contains(skill)))
                .toList();
    }
}
