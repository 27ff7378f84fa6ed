package org.hallway.api.entity;

import org.jspecify.annotations.Nullable;

/**
 * Mastodon's FeaturedTag: a hashtag on a profile. Compat(mastodon): {@code statuses_count} is a string
 * and {@code last_status_at} a date (no time), as Mastodon sends them.
 */
public record FeaturedTag(String id, String name, String url, String statusesCount, @Nullable String lastStatusAt) {}
