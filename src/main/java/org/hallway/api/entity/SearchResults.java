package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * Mastodon's Search result. Each status carries Hallway's extension {@code ranking}: its score and the
 * reasons it ranks where it does ("From someone you follow").
 */
public record SearchResults(List<Account> accounts, List<RankedStatus> statuses, List<Tag> hashtags) {

    public record RankedStatus(@JsonUnwrapped Status status, Ranking ranking) {}

    public record Ranking(double score, double relevance, List<String> reasons) {}

    /** One answer of {@code GET /api/v1/experts}: a colleague, how strongly they qualify, and why. */
    public record Expert(Account account, double score, List<Status> evidence, List<String> reasons) {}
}
