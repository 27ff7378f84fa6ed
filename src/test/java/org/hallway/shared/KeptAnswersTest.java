package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

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
}
