package org.hallway.web.posts;

import java.util.HashMap;
import java.util.List;
import org.hallway.polls.PollDraft;
import org.hallway.web.Form;
import org.jspecify.annotations.Nullable;

/** The compose box's poll fields: options left blank are dropped; no option at all means no poll. */
final class PollForm {
    private PollForm() {}

    static @Nullable PollDraft draft(@Nullable List<String> options, long duration, boolean multiple) {
        if (options == null) return null;
        var filled = options.stream().filter(o -> o != null && !o.isBlank()).toList();
        if (filled.isEmpty()) return null;
        return new PollDraft(filled, duration, multiple, false);
    }

    /** The form with the poll fields as typed, to show them again next to an error. */
    static Form keep(Form form, @Nullable List<String> options, long duration, boolean multiple) {
        var values = new HashMap<>(form.values());
        if (options != null) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i) != null) values.put("poll_option_" + i, options.get(i));
            }
        }
        values.put("poll_duration", Long.toString(duration));
        values.put("poll_multiple", Boolean.toString(multiple));
        return new Form(values, form.errors());
    }
}
