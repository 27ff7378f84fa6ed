package org.hallway.media;

import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The uploader changes an upload's alt text or focal point (Mastodon's PUT /api/v1/media/:id). */
@Service
public class DescribeMedia {
    public record Command(@Nullable String description, @Nullable String focus) {}

    private final MediaStore store;
    private final FindMedia find;

    DescribeMedia(MediaStore store, FindMedia find) {
        this.store = store;
        this.find = find;
    }

    @Transactional
    public Media handle(Viewer uploader, long id, Command cmd) {
        var media = find.requireOwn(uploader, id);
        var text = cmd.description() == null ? media.description() : Descriptions.check(cmd.description());
        var focus =
                cmd.focus() == null ? new float[] {media.focusX(), media.focusY()} : Descriptions.focus(cmd.focus());
        var changed = media.withDescription(text, focus[0], focus[1]);
        store.updateDescription(changed);
        return changed;
    }
}
