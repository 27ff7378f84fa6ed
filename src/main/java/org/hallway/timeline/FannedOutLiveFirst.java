package org.hallway.timeline;

import java.util.List;

/**
 * Entries written to the feeds of the readers listening live only (ADR 0066), still to be brought to
 * every other feed. Kept in the event publication registry until they are, like the posts themselves.
 */
public record FannedOutLiveFirst(List<FeedStore.FanOut> entries) {}
