package org.hallway.network;

import java.time.Instant;

/** A company's network: the boundary nothing crosses. */
public record Network(long id, String name, Instant createdAt) {}
