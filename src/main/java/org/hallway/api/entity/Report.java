package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's Report, as its reporter sees it. */
public record Report(
        String id,
        boolean actionTaken,
        @Nullable String actionTakenAt,
        String category,
        String comment,
        boolean forwarded,
        String createdAt,
        List<String> statusIds,
        List<String> ruleIds,
        Account targetAccount) {}
