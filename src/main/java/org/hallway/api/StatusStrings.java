package org.hallway.api;

import java.util.ArrayList;
import java.util.List;
import org.hallway.api.entity.Status;
import org.hallway.posts.PostView;
import org.jspecify.annotations.Nullable;

/**
 * The strings of a status that follow from its post row and the names in it (links, times, content,
 * mentions, tags), made once per row and shared by every status of that row. Besides the formatting
 * saved, statuses of one post then carry the very same string instances, so their hashes are computed
 * once and comparing them stops at identity: the kept JSON's key (ADR 0044) costs little.
 *
 * <p>Kept in the row's memo ({@code PostView.memo()}, ADR 0078): the posts store hands out one per row
 * instance it keeps, so they live as long as the row, and any change reads a new row with a new memo.
 * Checked against the row, names and base they were made from, since an author or a mentioned
 * colleague may be renamed while the row stays.
 */
final class StatusStrings {
    private StatusStrings() {}

    record Strings(
            org.hallway.posts.Post row,
            String base,
            String username,
            long[] mentionIds,
            String id,
            String uri,
            String url,
            String createdAt,
            String content,
            List<Status.Mention> mentions,
            List<Status.TagRef> tags,
            @Nullable String inReplyToId,
            @Nullable String inReplyToAccountId,
            @Nullable String editedAt,
            @Nullable String groupId) {}

    static Strings of(PostView v, String base) {
        if (v.memo().get() instanceof Strings kept && madeFrom(kept, v, base)) return kept;
        var made = make(v, base);
        v.memo().set(made);
        return made;
    }

    private static boolean madeFrom(Strings s, PostView v, String base) {
        if (s.row() != v.post()
                || !s.base().equals(base)
                || !s.username().equals(v.author().username())) return false;
        if (s.tags().size() != v.tags().size()
                || s.mentionIds().length != v.mentions().size()) return false;
        for (int i = 0; i < s.tags().size(); i++) {
            if (!s.tags().get(i).name().equals(v.tags().get(i))) return false;
        }
        for (int i = 0; i < s.mentionIds().length; i++) {
            var m = v.mentions().get(i);
            if (s.mentionIds()[i] != m.id() || !s.mentions().get(i).username().equals(m.username())) return false;
        }
        return true;
    }

    private static Strings make(PostView v, String base) {
        var p = v.post();
        var username = v.author().username();
        var mentions = new ArrayList<Status.Mention>(v.mentions().size());
        var ids = new long[v.mentions().size()];
        for (var m : v.mentions()) {
            ids[mentions.size()] = m.id();
            mentions.add(
                    new Status.Mention(Long.toString(m.id()), m.username(), base + "/@" + m.username(), m.username()));
        }
        var tags = v.tags().stream()
                .map(t -> new Status.TagRef(t, base + "/tags/" + t))
                .toList();
        return new Strings(
                p,
                base,
                username,
                ids,
                Long.toString(p.id()),
                base + "/users/" + username + "/statuses/" + p.id(),
                base + "/@" + username + "/" + p.id(),
                Presenter.time(p.createdAt()),
                Presenter.absolutize(p.html(), base),
                List.copyOf(mentions),
                tags,
                p.inReplyToId() == null ? null : Long.toString(p.inReplyToId()),
                p.inReplyToAccountId() == null ? null : Long.toString(p.inReplyToAccountId()),
                Presenter.time(p.editedAt()),
                p.groupId() == null ? null : Long.toString(p.groupId()));
    }
}
