package org.hallway.api.streaming;

import java.util.List;
import java.util.Optional;
import org.hallway.api.BaseUrl;
import org.hallway.api.Presenter;
import org.hallway.audience.Visibility;
import org.hallway.identity.SignedIn;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.hallway.stream.Delivery;
import org.hallway.stream.LiveEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a live delivery into the Mastodon event a streaming client receives ({@code update},
 * {@code status.update}, {@code delete}, {@code notification}, {@code conversation}), the same over
 * WebSocket and over HTTP (Server-Sent Events); and decides which streams a reader may open.
 */
@Component
class MastodonEvents {
    /** One event as Mastodon names it, with its payload as the JSON text Mastodon sends. */
    record Event(String name, String payload) {}

    private final FindPosts findPosts;
    private final Presenter presenter;
    private final JsonMapper json;
    private final ObjectProvider<StreamedNotifications> notifications;
    private final ObjectProvider<StreamedConversations> conversations;
    private final Visibility visibility;

    MastodonEvents(
            FindPosts findPosts,
            Presenter presenter,
            JsonMapper json,
            ObjectProvider<StreamedNotifications> notifications,
            ObjectProvider<StreamedConversations> conversations,
            Visibility visibility) {
        this.findPosts = findPosts;
        this.presenter = presenter;
        this.json = json;
        this.notifications = notifications;
        this.conversations = conversations;
        this.visibility = visibility;
    }

    /**
     * A group stream only for a reader of the group's posts; any other answers as an unknown stream does,
     * so that a secret group's id confirms nothing.
     */
    MastodonStream.Result readable(MastodonStream.Result parsed, Viewer viewer) {
        var group = parsed.stream().map(MastodonStream::groupId).orElse(null);
        if (group == null || visibility.canReadGroupPosts(viewer, group)) return parsed;
        return MastodonStream.Result.error(MastodonStream.UNKNOWN);
    }

    /** The event for this reader, or none (nothing of it to send, or not theirs to read). */
    Optional<Event> render(Delivery delivery, SignedIn signedIn, String base) {
        var viewer = signedIn.viewer();
        var net = viewer.networkId();
        return switch (delivery.event()) {
            case LiveEvent.NewInHome e -> status(delivery, net, e.entryId(), base, viewer, "update");
            case LiveEvent.NewInCompany e -> status(delivery, net, e.postId(), base, viewer, "update");
            case LiveEvent.NewInGroup e -> status(delivery, net, e.postId(), base, viewer, "update");
            case LiveEvent.Edited e -> status(delivery, net, e.postId(), base, viewer, "status.update");
            case LiveEvent.DirectMessage e -> {
                // Each participant's conversation differs (the others, the unread state): rendered per reader.
                var renderer = conversations.getIfAvailable();
                if (renderer == null) yield Optional.empty();
                yield BaseUrl.with(base, () -> renderer.render(viewer, e.participants()))
                        .map(c -> new Event("conversation", json.writeValueAsString(c)));
            }
            case LiveEvent.Deleted e -> Optional.of(new Event("delete", Long.toString(e.postId())));
            case LiveEvent.NotificationAdded e -> {
                var renderer = notifications.getIfAvailable();
                if (renderer == null || !signedIn.grants("read:notifications")) yield Optional.empty();
                yield BaseUrl.with(
                                base,
                                () -> Presenter.asReader(viewer, () -> renderer.render(viewer, e.notificationId())))
                        .map(n -> new Event("notification", json.writeValueAsString(n)));
            }
            case LiveEvent.CountsChanged e -> Optional.empty();
        };
    }

    /**
     * A post's Status, rendered once per delivery for every reader (Mastodon's streams carry no
     * per-reader flags), then with the media paths of this reader.
     */
    private Optional<Event> status(
            Delivery delivery, long networkId, long postId, String base, Viewer viewer, String name) {
        return delivery.once(
                        "status:" + postId + ":" + base,
                        () -> BaseUrl.with(base, () -> {
                            var views = findPosts.hydrate(new Viewer(0, networkId, false), List.of(postId));
                            return views.isEmpty()
                                    ? Optional.<String>empty()
                                    : Optional.of(json.writeValueAsString(
                                            Presenter.asReader(null, () -> presenter.status(views.getFirst()))));
                        }))
                .map(s -> new Event(name, presenter.mediaForReader(s, viewer)));
    }
}
