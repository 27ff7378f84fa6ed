package org.hallway.api.entity;

/** Mastodon's Marker: the last read position in a timeline. */
public record Marker(String lastReadId, int version, String updatedAt) {}
