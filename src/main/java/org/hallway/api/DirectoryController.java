package org.hallway.api;

import java.util.List;
import java.util.Locale;
import org.hallway.api.entity.Account;
import org.hallway.directory.BrowseDirectory;
import org.hallway.directory.PeopleStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mastodon's profile directory, with Hallway's filters: {@code department}, {@code location}
 * (exact, ignoring case), {@code title} (contains) and {@code skill}.
 */
@RestController
class DirectoryController {
    private final BrowseDirectory directory;
    private final Presenter presenter;

    DirectoryController(BrowseDirectory directory, Presenter presenter) {
        this.directory = directory;
        this.presenter = presenter;
    }

    @GetMapping("/api/v1/directory")
    List<Account> directory(Viewer viewer, Params params) {
        var order =
                switch ((params.string("order") == null ? "active" : params.string("order")).toLowerCase(Locale.ROOT)) {
                    case "active" -> PeopleStore.Order.ACTIVE;
                    case "new" -> PeopleStore.Order.NEW;
                    default -> throw new InvalidInputException("order", "order must be active or new");
                };
        // Compat(mastodon): "local" narrows to this server's accounts; every colleague is local.
        params.bool("local", false);
        var filter = new PeopleStore.DirectoryFilter(
                params.string("department"),
                params.string("location"),
                params.string("title"),
                params.string("skill"),
                order);
        int limit = Math.clamp(params.integer("limit", 40), 1, 80);
        int offset = Math.max(0, params.integer("offset", 0));
        return presenter.accounts(directory.handle(viewer, filter, offset, limit));
    }
}
