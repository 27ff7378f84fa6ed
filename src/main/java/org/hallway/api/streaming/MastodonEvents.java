package org.hallway.api.streaming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.api.BaseUrl;
import org.hallway.api.Presenter;
import org.hallway.audience.Visibility;
import org.hallway.identity.SignedIn;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.hallway.stream.Delivery;
import org.hallway.stream.LiveEvent;
import org.hallway.stream.Prerender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a live delivery into the Mastodon event a streaming client receives ({@code update},
 * {@code status.update}, {@code delete}, {@code notification}, {@code conversation}), the same over
 * WebSocket and over HTTP (Server-Sent Events); and decides which streams a reader may open.
 */
@Component
class MastodonEvents implements Prerender {
    /** Addresses clients connected at, rendered for ahead; more than this many distinct ones render lazily. */
    private static final int PRERENDERED_BASES = 8;

    /**
     * One event as Mastodon names it, with its payload as the JSON text Mastodon sends; {@code shared}
     * when every reader of the delivery gets this very payload, so the frame around it can be built once.
     */
    record Event(String name, String payload, boolean shared) {
        Event(String name, String payload) {
            this(name, payload, false);
        }
    }

    /**
     * A post rendered once per event for every reader whose flags are the default ones, and who reads
     * it otherwise ({@code own}: its author, likers, bookmarkers, reposters), or {@code perReader} when
     * each reader's view may differ (a poll).
     */
    private record Rendered(String payload, Set<Long> own, boolean perReader, boolean media) {
        Rendered(String payload, Set<Long> own, boolean perReader) {
            // Whether media paths must be made each reader's own: asked once here, not once per reader.
            this(payload, own, perReader, payload.contains("/media/"));
        }
    }

    /** A post's Status rendered for everyone at one address: the key under which its readers share it. */
    private record StatusKey(long postId, String base) {}

    private final FindPosts findPosts;
    private final Presenter presenter;
    private final JsonMapper json;
    private final ObjectProvider<StreamedNotifications> notifications;
    private final ObjectProvider<StreamedConversations> conversations;
    private final Visibility visibility;
    private final Map<String, AtomicInteger> openByBase = new ConcurrentHashMap<>();

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

    /** A streaming connection opened at this address: posts are rendered ahead for it. */
    void opened(String base) {
        if (openByBase.size() >= PRERENDERED_BASES && !openByBase.containsKey(base)) return;
        openByBase.computeIfAbsent(base, b -> new AtomicInteger()).incrementAndGet();
    }

    /** A connection {@link #opened} at this address closed. */
    void closed(String base) {
        var n = openByBase.get(base);
        if (n != null) n.decrementAndGet();
    }

    /**
     * Renders the posts of a batch of live events once for all readers with default flags, for every
     * address streaming clients are connected at, in one hydration per network.
     */
    @Override
    public void prepare(List<Delivery.Shared> batch) {
        var bases = openByBase.entrySet().stream()
                .filter(e -> e.getValue().get() > 0)
                .map(Map.Entry::getKey)
                .toList();
        if (bases.isEmpty()) return;
        var byNetwork = new HashMap<Long, Map<Long, List<Delivery.Shared>>>();
        for (var shared : batch) {
            Long postId =
                    switch (shared.event()) {
                        case LiveEvent.NewInHome e -> e.entryId();
                        case LiveEvent.NewInCompany e -> e.postId();
                        case LiveEvent.NewInGroup e -> e.postId();
                        case LiveEvent.Edited e -> e.postId();
                        default -> null;
                    };
            if (postId == null) continue;
            byNetwork
                    .computeIfAbsent(shared.event().networkId(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(postId, p -> new ArrayList<>())
                    .add(shared);
        }
        byNetwork.forEach((networkId, posts) -> {
            var views = findPosts.hydrate(new Viewer(0, networkId, false), List.copyOf(posts.keySet()));
            var ownStates = findPosts.withOwnState(views);
            for (var view : views) {
                var own = ownStates.get(view.post().id());
                boolean perReader = view.shown().poll() != null;
                for (var base : bases) {
                    var payload = BaseUrl.with(
                            base,
                            () -> json.writeValueAsString(Presenter.asReader(null, () -> presenter.status(view))));
                    var rendered = Optional.of(new Rendered(payload, own, perReader));
                    for (var shared : posts.get(view.post().id()))
                        shared.put(new StatusKey(view.post().id(), base), rendered);
                }
            }
        });
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
                yield BaseUrl.with(
                                base, () -> Presenter.asReader(viewer, () -> renderer.render(viewer, e.participants())))
                        .map(c -> new Event("conversation", json.writeValueAsString(c)));
            }
            case LiveEvent.Deleted e -> Optional.of(new Event("delete", Long.toString(e.postId()), true));
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
     * A post's Status: rendered once per event for the readers whose reader-dependent fields
     * ({@code favourited}, {@code reblogged}, {@code bookmarked}, a poll's {@code voted}) are the
     * defaults, which are all readers of a fresh post but its author; rendered for the reader
     * itself when they touched the post, or when the reader is a guest. Media paths are then made this reader's own.
     */
    private Optional<Event> status(
            Delivery delivery, long networkId, long postId, String base, Viewer viewer, String name) {
        var rendered = delivery.once(
                new StatusKey(postId, base), () -> BaseUrl.with(base, () -> renderForAll(networkId, postId)));
        if (rendered.isEmpty()) return Optional.empty();
        var r = rendered.get();
        // A guest gets the accounts in it as a guest sees them (no manager beyond their groups): their own render.
        if (r.perReader() || r.own().contains(viewer.accountId()) || visibility.isGuest(viewer)) {
            return BaseUrl.with(base, () -> {
                        var views = findPosts.hydrate(viewer, List.of(postId));
                        return views.isEmpty()
                                ? Optional.<String>empty()
                                : Optional.of(json.writeValueAsString(
                                        Presenter.asReader(viewer, () -> presenter.status(views.getFirst()))));
                    })
                    .map(s -> new Event(name, s, false));
        }
        if (!r.media()) return Optional.of(new Event(name, r.payload(), true));
        var payload = presenter.mediaForReader(r.payload(), viewer);
        // Unchanged by the reader's media paths: the same text for every such reader.
        return Optional.of(new Event(name, payload, payload == r.payload()));
    }

    private Optional<Rendered> renderForAll(long networkId, long postId) {
        var views = findPosts.hydrate(new Viewer(0, networkId, false), List.of(postId));
        if (views.isEmpty()) return Optional.empty();
        var view = views.getFirst();
        var payload = json.writeValueAsString(Presenter.asReader(null, () -> presenter.status(view)));
        return Optional.of(
                new Rendered(payload, findPosts.withOwnState(view), view.shown().poll() != null));
    }
}
