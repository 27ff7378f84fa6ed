package org.hallway.media;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** An upload as its uploader sees it; to anyone else it does not exist. */
@Service
public class FindMedia {
    private final MediaStore store;

    FindMedia(MediaStore store) {
        this.store = store;
    }

    public Media requireOwn(Viewer viewer, long id) {
        return store.find(viewer.networkId(), id)
                .filter(m -> m.accountId() == viewer.accountId())
                .orElseThrow(NotFoundException::record);
    }
}
