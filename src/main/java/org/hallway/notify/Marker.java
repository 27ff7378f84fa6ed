package org.hallway.notify;

import java.time.Instant;

/** Where a colleague stopped reading a timeline ({@code home} or {@code notifications}). */
public record Marker(String timeline, long lastReadId, int version, Instant updatedAt) {}
