package org.hallway.api;

import java.util.List;
import org.hallway.api.entity.ScheduledStatus;
import org.hallway.media.HoldMedia;
import org.hallway.scheduled.ScheduledPost;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/** Mastodon's ScheduledStatus for a post waiting for its time, with the uploads it holds. */
@Component
class ScheduledStatusPresenter {
    private final Presenter presenter;
    private final HoldMedia holdMedia;
    private final BaseUrl baseUrl;

    ScheduledStatusPresenter(Presenter presenter, HoldMedia holdMedia, BaseUrl baseUrl) {
        this.presenter = presenter;
        this.holdMedia = holdMedia;
        this.baseUrl = baseUrl;
    }

    ScheduledStatus entity(Viewer viewer, ScheduledPost s) {
        var c = s.post();
        var poll = c.poll() == null
                ? null
                : new ScheduledStatus.Poll(
                        c.poll().options(),
                        c.poll().expiresInSeconds(),
                        c.poll().multiple(),
                        c.poll().hideTotals());
        return new ScheduledStatus(
                Long.toString(s.id()),
                Presenter.time(s.scheduledAt()),
                new ScheduledStatus.Params(
                        c.text(),
                        c.groupId() != null ? "private" : c.visibility() == null ? "public" : c.visibility(),
                        c.inReplyToId(),
                        c.spoilerText(),
                        c.sensitive(),
                        c.language(),
                        c.idempotencyKey(),
                        s.mediaIds().isEmpty()
                                ? null
                                : s.mediaIds().stream().map(String::valueOf).toList(),
                        poll,
                        null,
                        0,
                        false,
                        c.groupId() == null ? null : Long.toString(c.groupId())),
                media(viewer, s));
    }

    private List<Object> media(Viewer viewer, ScheduledPost s) {
        if (s.mediaIds().isEmpty()) return List.of();
        var base = baseUrl.get();
        return holdMedia.of(viewer, s.id(), s.mediaIds()).stream()
                .map(m -> (Object) presenter.mediaAttachment(m, viewer, base))
                .toList();
    }
}
