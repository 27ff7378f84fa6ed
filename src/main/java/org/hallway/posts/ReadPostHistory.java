package org.hallway.posts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.hallway.media.Media;
import org.hallway.media.PostMedia;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A post's versions, oldest first, each with the uploads it carried and their alt text at the time,
 * for whoever may see the post (anyone else: not found). Uploads an edit dropped stay with the post,
 * so older versions keep showing them.
 */
@Service
public class ReadPostHistory {
    /** One attachment as a version had it: the upload and the alt text it had then ("" if none). */
    public record Attachment(Media media, String description) {}

    public record Version(PostStore.Edit edit, List<Attachment> attachments) {}

    private final FindPosts find;
    private final PostMedia postMedia;

    ReadPostHistory(FindPosts find, PostMedia postMedia) {
        this.find = find;
        this.postMedia = postMedia;
    }

    @Transactional(readOnly = true)
    public List<Version> handle(Viewer viewer, long postId) {
        var edits = find.history(viewer, postId);
        var ids = new ArrayList<Long>();
        for (var e : edits) for (var m : e.media()) if (m.mediaId() != null) ids.add(m.mediaId());
        var byId = new HashMap<Long, Media>();
        for (var m : postMedia.ofVersion(viewer.networkId(), postId, ids)) byId.put(m.id(), m);
        boolean neverEdited = edits.size() == 1 && edits.getFirst().media().isEmpty();
        if (neverEdited) {
            var current = postMedia.of(viewer.networkId(), List.of(postId)).getOrDefault(postId, List.of());
            return List.of(new Version(
                    edits.getFirst(),
                    current.stream()
                            .map(m -> new Attachment(m, m.description() == null ? "" : m.description()))
                            .toList()));
        }
        return edits.stream()
                .map(e -> new Version(
                        e,
                        e.media().stream()
                                .map(m -> m.mediaId() == null || !byId.containsKey(m.mediaId())
                                        ? null
                                        : new Attachment(byId.get(m.mediaId()), m.description()))
                                .filter(Objects::nonNull)
                                .toList()))
                .toList();
    }
}
