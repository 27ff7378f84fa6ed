package org.hallway.web.posts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hallway.scheduled.CancelScheduledPost;
import org.hallway.scheduled.FindScheduledPosts;
import org.hallway.scheduled.ReschedulePost;
import org.hallway.scheduled.ScheduledPost;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's scheduled posts: when each goes out (shown and edited in the reader's own time zone,
 * which the browser tells with each form), moving one to another time, cancelling one.
 */
@Controller
class ScheduledPagesController {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final FindScheduledPosts find;
    private final ReschedulePost reschedule;
    private final CancelScheduledPost cancel;

    ScheduledPagesController(FindScheduledPosts find, ReschedulePost reschedule, CancelScheduledPost cancel) {
        this.find = find;
        this.reschedule = reschedule;
        this.cancel = cancel;
    }

    @GetMapping("/scheduled")
    String page(Viewer viewer, Model model) {
        return render(viewer, model, Map.of());
    }

    @PostMapping("/scheduled/{id}/time")
    String move(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(name = "scheduled_at", defaultValue = "") String scheduledAt,
            @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
            Model model,
            jakarta.servlet.http.HttpServletResponse res) {
        try {
            reschedule.handle(viewer, id, instant(scheduledAt, timeZone));
            return "redirect:/scheduled";
        } catch (InvalidInputException e) {
            res.setStatus(422);
            return render(viewer, model, Map.of(id, e.getMessage()));
        }
    }

    @PostMapping("/scheduled/{id}/cancel")
    String cancel(Viewer viewer, @PathVariable long id) {
        cancel.handle(viewer, id);
        return "redirect:/scheduled";
    }

    private String render(Viewer viewer, Model model, Map<Long, String> errors) {
        var rows = find.page(viewer, new PageRequest(null, null, null, PageRequest.MAX_LIMIT)).stream()
                .sorted(java.util.Comparator.comparing(ScheduledPost::scheduledAt))
                .map(s -> row(s, errors.get(s.id())))
                .toList();
        model.addAttribute("title", "Scheduled posts");
        model.addAttribute("rows", rows);
        return "pages/scheduled";
    }

    private static ScheduledRow row(ScheduledPost s, @Nullable String error) {
        var visibility = s.post().visibility() == null ? "public" : s.post().visibility();
        var at = s.scheduledAt().truncatedTo(ChronoUnit.MINUTES);
        return new ScheduledRow(
                s.id(),
                s.post().text(),
                visibility,
                at.toString(),
                LOCAL.format(at.atOffset(ZoneOffset.UTC)),
                error,
                s.mediaIds().size());
    }

    /**
     * The instant a {@code datetime-local} value names in the reader's time zone (an IANA name the
     * browser reports; UTC when it does not).
     */
    static Instant instant(String local, String timeZone) {
        if (local == null || local.isBlank())
            throw new InvalidInputException("scheduled_at", "Choose when to publish it");
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException("scheduled_at", "This is not a date and time");
        }
    }
}
