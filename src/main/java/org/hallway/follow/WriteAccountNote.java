package org.hallway.follow;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a private note on a colleague's account ("met at the offsite, knows the billing system"). Only
 * its author ever reads it; an empty note removes it. Nobody is told.
 */
@Service
public class WriteAccountNote {
    /** Mastodon's limit on an account note. */
    public static final int MAX_LENGTH = 2000;

    private final NoteStore notes;
    private final Visibility audience;
    private final Clock clock;

    WriteAccountNote(NoteStore notes, Visibility audience, Clock clock) {
        this.notes = notes;
        this.audience = audience;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, long targetId, String comment) {
        audience.requireAccountVisible(viewer, targetId);
        var text = comment == null ? "" : comment.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH)
            throw new InvalidInputException("comment", "The note is too long (at most " + MAX_LENGTH + " characters)");
        notes.put(viewer.networkId(), viewer.accountId(), targetId, text, clock.instant());
    }
}
