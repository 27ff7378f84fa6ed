package org.hallway.api.streaming;

import java.util.List;
import java.util.Optional;
import org.hallway.shared.Viewer;

/**
 * Renders a reader's direct conversation among the given participants as Mastodon's {@code Conversation}
 * entity for the {@code direct} stream; nothing when the reader no longer has it.
 */
public interface StreamedConversations {
    Optional<Object> render(Viewer viewer, List<Long> participants);
}
