package org.hallway.stream;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a connection listens to. {@code USER} is the reader's home feed (and their notifications),
 * {@code PUBLIC} the company feed, {@code HASHTAG} one tag's feed; {@code LOCAL} variants are the same
 * in a network that has no remote posts; {@code COUNTS} carries counter changes of posts the reader
 * may see (for the web UI). {@code DIRECT} carries the reader's direct conversations; {@code GROUP} one
 * group's feed, the group's id standing in {@code tag}.
 */
public record Channel(Kind kind, @Nullable String tag) {
    public enum Kind {
        USER,
        NOTIFICATIONS,
        PUBLIC,
        PUBLIC_LOCAL,
        HASHTAG,
        HASHTAG_LOCAL,
        DIRECT,
        COUNTS,
        GROUP
    }

    public Channel {
        tag = tag == null ? null : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
    }

    public static Channel of(Kind kind) {
        return new Channel(kind, null);
    }

    public static Channel hashtag(String tag, boolean local) {
        return new Channel(local ? Kind.HASHTAG_LOCAL : Kind.HASHTAG, tag);
    }

    public static Channel group(long groupId) {
        return new Channel(Kind.GROUP, Long.toString(groupId));
    }

    /** Channels that show posts, so that they hear of their deletion. */
    public boolean showsPosts() {
        return kind != Kind.NOTIFICATIONS && kind != Kind.COUNTS && kind != Kind.DIRECT;
    }
}
