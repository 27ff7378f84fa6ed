package org.hallway.timeline;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A new post or repost is in the home feeds of its readers (published after the fan-out has committed,
 * so whoever reads a home feed from now on finds it there). Live delivery pushes it to open home streams.
 *
 * <p>A post that goes to many feeds is written in two parts (ADR 0066): first to the feeds of the
 * readers listening live ({@link Part#LIVE_FIRST}), then to every other ({@link Part#REST}). The first
 * part may carry its {@code readers}: those of the live readers whose home feed shows the post now,
 * found during the fan-out (ADR 0080); without them, live delivery asks.
 */
public record PostFannedOut(
        long networkId, long entryId, long postId, long authorId, Part part, @Nullable Set<Long> readers) {
    public enum Part {
        /** The post is in every feed it goes to. */
        ALL,
        /** The post is in the feeds of the readers with a home stream open on the fanning-out node. */
        LIVE_FIRST,
        /** The post is now in every feed it goes to; those of {@link #LIVE_FIRST} have had it before. */
        REST
    }
}
