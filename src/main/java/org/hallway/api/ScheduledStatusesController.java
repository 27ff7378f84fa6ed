package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.ScheduledStatus;
import org.hallway.scheduled.CancelScheduledPost;
import org.hallway.scheduled.FindScheduledPosts;
import org.hallway.scheduled.ReschedulePost;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mastodon's scheduled statuses: each colleague sees, moves and cancels only their own (scheduling is
 * {@code POST /api/v1/statuses} with {@code scheduled_at}, in {@link StatusesController}).
 */
@RestController
class ScheduledStatusesController {
    private final FindScheduledPosts find;
    private final ReschedulePost reschedule;
    private final CancelScheduledPost cancel;
    private final BaseUrl baseUrl;
    private final ScheduledStatusPresenter presenter;

    ScheduledStatusesController(
            FindScheduledPosts find,
            ReschedulePost reschedule,
            CancelScheduledPost cancel,
            BaseUrl baseUrl,
            ScheduledStatusPresenter presenter) {
        this.presenter = presenter;
        this.find = find;
        this.reschedule = reschedule;
        this.cancel = cancel;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/scheduled_statuses")
    ResponseEntity<List<ScheduledStatus>> list(Viewer viewer, Params params, HttpServletRequest request) {
        var page = find.page(viewer, Paging.from(params));
        var body = page.stream().map(s -> presenter.entity(viewer, s)).toList();
        return Paging.respond(
                body,
                page.isEmpty() ? null : page.getLast().id(),
                page.isEmpty() ? null : page.getFirst().id(),
                request,
                baseUrl);
    }

    @GetMapping("/api/v1/scheduled_statuses/{id}")
    ScheduledStatus show(Viewer viewer, @PathVariable String id) {
        return presenter.entity(viewer, find.require(viewer, Ids.parse(id)));
    }

    @PutMapping("/api/v1/scheduled_statuses/{id}")
    ScheduledStatus update(Viewer viewer, @PathVariable String id, Params params) {
        long scheduledId = Ids.parse(id);
        find.require(viewer, scheduledId);
        var at = time(params.string("scheduled_at"));
        if (at == null) throw new InvalidInputException("scheduled_at", "scheduled_at is missing");
        return presenter.entity(viewer, reschedule.handle(viewer, scheduledId, at));
    }

    @DeleteMapping("/api/v1/scheduled_statuses/{id}")
    Map<String, Object> delete(Viewer viewer, @PathVariable String id) {
        cancel.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    /** An ISO 8601 time as apps send it ({@code 2026-12-02T10:00:00.000Z}, or with an offset). */
    static @Nullable Instant time(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("scheduled_at", "scheduled_at is not a valid time");
        }
    }
}
