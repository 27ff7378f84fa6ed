package org.hallway.filters;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes one of the reader's filters with its keywords. */
@Service
public class DeleteFilter {
    private final FilterStore filters;

    DeleteFilter(FilterStore filters) {
        this.filters = filters;
    }

    @Transactional
    public void handle(Viewer viewer, long filterId) {
        var filter = filters.find(viewer.accountId(), filterId).orElseThrow(NotFoundException::record);
        filters.delete(filter.id());
    }
}
