package org.hallway.api.entity;

import java.util.List;

/** Mastodon's Tag, with whether the signed-in colleague follows it. */
public record Tag(String name, String url, List<Object> history, boolean following) {}
