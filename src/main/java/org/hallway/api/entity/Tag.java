package org.hallway.api.entity;

import java.util.List;

/**
 * Mastodon's Tag, with whether the signed-in colleague follows it. Hashtags have no row of their own,
 * so the canonical (lower-case) name serves as the id.
 */
public record Tag(String id, String name, String url, List<Object> history, boolean following) {}
