package org.hallway.timeline;

import java.util.List;

/**
 * A direct message is in the conversations of all its {@code participants} (its author included, sorted
 * ascending), published after they committed. Live delivery pushes the conversation to direct streams.
 */
public record DirectMessageFiled(long networkId, long postId, List<Long> participants) {}
