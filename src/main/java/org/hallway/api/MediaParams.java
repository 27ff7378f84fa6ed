package org.hallway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hallway.media.AttachMedia;
import org.hallway.shared.InvalidInputException;

/**
 * {@code media_ids[]} and {@code media_attributes[][id|description|focus]} of a status, however the
 * client sent them: indexed ({@code media_attributes[0][id]}, and JSON arrays of objects) or as
 * parallel Rails lists ({@code media_attributes[][id]}).
 */
final class MediaParams {
    private static final Pattern INDEXED = Pattern.compile("media_attributes\\[(\\d+)]\\[(id|description|focus)]");

    private MediaParams() {}

    /** For a new post: the ids given, or none. */
    static AttachMedia.Command forCreate(Params params) {
        return new AttachMedia.Command(ids(params), attributes(params));
    }

    /** For an edit: without {@code media_ids} the post's media stay as they are. */
    static AttachMedia.Command forEdit(Params params) {
        var ids = ids(params);
        return new AttachMedia.Command(ids.isEmpty() ? null : ids, attributes(params));
    }

    private static List<Long> ids(Params params) {
        var ids = new ArrayList<Long>();
        for (var raw : params.list("media_ids")) {
            if (raw.isBlank()) continue;
            try {
                ids.add(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("media_ids", "media_ids must be ids of uploaded media");
            }
        }
        return ids;
    }

    private static List<AttachMedia.Attributes> attributes(Params params) {
        var indexed = new TreeMap<Integer, Map<String, String>>();
        for (var name : params.names()) {
            var m = INDEXED.matcher(name);
            if (m.matches())
                indexed.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new java.util.HashMap<>())
                        .put(m.group(2), params.string(name));
        }
        var result = new ArrayList<AttachMedia.Attributes>();
        if (!indexed.isEmpty()) {
            for (var entry : indexed.values())
                add(result, entry.get("id"), entry.get("description"), entry.get("focus"));
            return result;
        }
        var ids = params.list("media_attributes[][id]");
        var descriptions = params.list("media_attributes[][description]");
        var focuses = params.list("media_attributes[][focus]");
        for (int i = 0; i < ids.size(); i++) {
            add(
                    result,
                    ids.get(i),
                    i < descriptions.size() ? descriptions.get(i) : null,
                    i < focuses.size() ? focuses.get(i) : null);
        }
        return result;
    }

    private static void add(List<AttachMedia.Attributes> into, String id, String description, String focus) {
        if (id == null || id.isBlank()) return;
        try {
            into.add(new AttachMedia.Attributes(Long.parseLong(id.strip()), description, focus));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("media_attributes", "media_attributes must name uploaded media by id");
        }
    }
}
