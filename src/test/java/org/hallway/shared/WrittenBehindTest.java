package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notes written together: what a flush writes, and what a failed one keeps. */
class WrittenBehindTest {
    private final WrittenBehind<Long, String> notes = new WrittenBehind<>("test notes");
    private final List<Map<Long, String>> written = new ArrayList<>();

    @Test
    void aFlushWritesTheLatestNoteOfEachKeyOnce() {
        notes.keep(1L, "first");
        notes.keep(1L, "second");
        notes.keep(2L, "other");

        notes.flush(written::add);
        notes.flush(written::add);

        assertThat(written).containsExactly(Map.of(1L, "second", 2L, "other"));
        assertThat(notes.get(1L)).isNull();
    }

    @Test
    void aFailedFlushKeepsItsNotesUnlessANewerOneCame() {
        notes.keep(1L, "first");
        notes.keep(2L, "other");

        notes.flush(batch -> {
            notes.keep(1L, "newer");
            throw new IllegalStateException("database away");
        });
        assertThat(notes.get(1L)).isEqualTo("newer");
        assertThat(notes.get(2L)).isEqualTo("other");

        notes.flush(written::add);
        assertThat(written).containsExactly(Map.of(1L, "newer", 2L, "other"));
    }
}
