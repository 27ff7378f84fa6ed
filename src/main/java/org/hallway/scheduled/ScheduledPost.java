package org.hallway.scheduled;

import java.time.Instant;
import org.hallway.posts.CreatePost;

/** A post waiting for its time: what {@link CreatePost} will be asked, and when. */
public record ScheduledPost(
        long id, long networkId, long authorId, Instant scheduledAt, CreatePost.Command post, Instant createdAt) {}
