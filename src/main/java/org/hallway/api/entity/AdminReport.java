package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's Admin::Report: a report as administrators handle it. */
public record AdminReport(
        String id,
        boolean actionTaken,
        @Nullable String actionTakenAt,
        String category,
        String comment,
        boolean forwarded,
        String createdAt,
        String updatedAt,
        AdminAccount account,
        AdminAccount targetAccount,
        @Nullable AdminAccount assignedAccount,
        @Nullable AdminAccount actionTakenByAccount,
        List<Status> statuses,
        List<Object> rules) {}
