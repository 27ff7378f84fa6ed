package org.hallway.search;

import java.util.List;

/**
 * A colleague as the index keeps them: name, handle, work context and the skills they declare (in
 * hashtag form, lower-case). Deactivated colleagues are absent.
 */
public record PersonDoc(
        long id,
        long networkId,
        String username,
        String displayName,
        String title,
        String department,
        String location,
        String bio,
        List<String> skills) {}
