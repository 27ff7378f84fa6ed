package org.hallway.timeline;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes one of the reader's lists with its memberships (the people stay followed). */
@Service
public class DeleteList {
    private final ListStore lists;

    DeleteList(ListStore lists) {
        this.lists = lists;
    }

    @Transactional
    public void handle(Viewer viewer, long listId) {
        var list = lists.find(viewer.accountId(), listId).orElseThrow(NotFoundException::record);
        lists.delete(list.id());
    }
}
