package org.hallway.scheduled;

import java.time.Instant;
import java.util.List;
import org.hallway.posts.CreatePost;

/**
 * A post waiting for its time: what {@link CreatePost} will be asked, and when, with the uploads it
 * will carry (held for it by {@code media}).
 */
public record ScheduledPost(
        long id,
        long networkId,
        long authorId,
        Instant scheduledAt,
        CreatePost.Command post,
        Instant createdAt,
        List<Long> mediaIds) {}
