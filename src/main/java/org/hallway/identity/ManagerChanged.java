package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/** A colleague's manager changed (or was set for the first time, or removed: null). */
public record ManagerChanged(long networkId, long accountId, @Nullable Long managerId) {}
