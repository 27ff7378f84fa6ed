package org.hallway.follow;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Private notes on accounts: each belongs to the colleague who wrote it and is read by them alone. */
public interface NoteStore {
    /** Writes (or replaces) the note; an empty comment removes it. */
    void put(long networkId, long accountId, long targetId, String comment, Instant at);

    /** The author's notes on the given accounts, by target id (accounts without a note are absent). */
    Map<Long, String> notesAmong(long accountId, Collection<Long> targetIds);
}
