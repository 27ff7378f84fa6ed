package org.hallway.posts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hashtag featured on a profile, with how many of the author's posts carrying it the reader may see
 * and when the latest of those was posted (null when none).
 */
public record FeaturedTag(long id, String name, long postsCount, @Nullable Instant lastPostAt) {}
