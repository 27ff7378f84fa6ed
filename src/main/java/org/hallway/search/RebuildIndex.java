package org.hallway.search;

import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * An administrator rebuilds the search index from the database (after restoring a backup, or when
 * results look wrong). Searches keep answering from the current index until the new one is ready.
 */
@Service
public class RebuildIndex {
    private final SearchIndex index;

    RebuildIndex(SearchIndex index) {
        this.index = index;
    }

    /** True when a rebuild started; false when one was already running. */
    public boolean handle(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
        return index.rebuild();
    }

    public SearchIndex.Status status() {
        return index.status();
    }
}
