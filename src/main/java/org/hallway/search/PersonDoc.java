package org.hallway.search;

/** A colleague as the index keeps them: name, handle and work context. Deactivated colleagues are absent. */
public record PersonDoc(
        long id,
        long networkId,
        String username,
        String displayName,
        String title,
        String department,
        String location,
        String bio) {}
