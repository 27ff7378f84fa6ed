package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.testing.HallwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The caching decorators' kept answers, with the server's own transactions. */
class KeptAnswersTest extends HallwayTest {
    @Autowired
    PlatformTransactionManager transactions;

    private final KeptAnswers<String, String> kept = new KeptAnswers<>(100);
    private final AtomicInteger queries = new AtomicInteger();
    private volatile String stored = "first";

    private String query(String key) {
        queries.incrementAndGet();
        return stored;
    }

    @Test
    void anAnswerIsKeptUntilAWriteForgetsIt() {
        assertThat(kept.get("k", this::query)).isEqualTo("first");
        assertThat(kept.get("k", this::query)).isEqualTo("first");
        assertThat(queries).hasValue(1);

        stored = "second";
        kept.forget("k");
        assertThat(kept.get("k", this::query)).isEqualTo("second");
        assertThat(queries).hasValue(2);
    }

    @Test
    void anAnswerReadInAWritingTransactionThatForgotNothingIsKept() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> kept.get("k", this::query));
        assertThat(kept.get("k", this::query)).isEqualTo("first");
        assertThat(queries).hasValue(1);
    }

    @Test
    void aTransactionThatForgotKeepsNothingItReadsAndForgetsAgainWhenItRollsBack() {
        assertThat(kept.get("k", this::query)).isEqualTo("first");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            stored = "uncommitted";
            kept.forget("k");
            assertThat(kept.get("k", this::query)).isEqualTo("uncommitted");
            assertThat(kept.get("k", this::query)).isEqualTo("uncommitted");
            stored = "first";
            status.setRollbackOnly();
        });
        assertThat(queries).hasValue(3);

        assertThat(kept.get("k", this::query)).isEqualTo("first");
        assertThat(kept.get("k", this::query)).isEqualTo("first");
        assertThat(queries).hasValue(4);
    }

    @Test
    void anAnswerReadWhileAWriteForgotIsNotKept() {
        var answer = kept.get("k", key -> {
            kept.forget("k");
            return query(key);
        });
        assertThat(answer).isEqualTo("first");
        kept.get("k", this::query);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aBatchAsksOnlyForTheAnswersNotKeptAndKeepsThem() {
        var asked = new ArrayList<List<String>>();
        java.util.function.Function<List<String>, Map<String, String>> batch = keys -> {
            asked.add(List.copyOf(keys));
            var answers = new HashMap<String, String>();
            for (var key : keys) answers.put(key, stored + " " + key);
            return answers;
        };
        assertThat(kept.get("a", this::query)).isEqualTo("first");

        assertThat(kept.getAll(List.of("a", "b", "c"), batch, "none"))
                .containsOnly(Map.entry("a", "first"), Map.entry("b", "first b"), Map.entry("c", "first c"));
        stored = "second";
        kept.forget("c");
        assertThat(kept.getAll(List.of("a", "b", "c"), batch, "none"))
                .containsOnly(Map.entry("a", "first"), Map.entry("b", "first b"), Map.entry("c", "second c"));
        assertThat(asked).containsExactly(List.of("b", "c"), List.of("c"));
    }

    @Test
    void aBatchReadWhileAWriteForgotIsNotKept() {
        var answers = kept.getAll(
                List.of("a", "b"),
                keys -> {
                    kept.forget("x");
                    return Map.of("a", "first a", "b", "first b");
                },
                "none");
        assertThat(answers).containsOnly(Map.entry("a", "first a"), Map.entry("b", "first b"));
        assertThat(kept.get("a", this::query)).isEqualTo("first");
        assertThat(queries).hasValue(1);
    }

    @Test
    void aKeyTheBatchLeavesOutIsAnsweredAndKeptAsNone() {
        var queried = new AtomicInteger();
        java.util.function.Function<List<String>, Map<String, String>> batch = keys -> {
            queried.incrementAndGet();
            return Map.of("a", "first a");
        };
        assertThat(kept.getAll(List.of("a", "b"), batch, "none"))
                .containsOnly(Map.entry("a", "first a"), Map.entry("b", "none"));
        assertThat(kept.getAll(List.of("b"), batch, "none")).containsOnly(Map.entry("b", "none"));
        assertThat(queried).hasValue(1);
    }
}
