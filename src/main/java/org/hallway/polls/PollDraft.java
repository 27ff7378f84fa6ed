package org.hallway.polls;

import java.util.List;

/**
 * A poll as its author asks for it, before it is checked against {@link PollLimits}: the options in
 * order, how long it runs, whether several options may be chosen and whether the counts stay hidden
 * until it ends.
 */
public record PollDraft(List<String> options, long expiresInSeconds, boolean multiple, boolean hideTotals) {
    public PollDraft {
        options = options.stream().map(o -> o == null ? "" : o.strip()).toList();
    }
}
