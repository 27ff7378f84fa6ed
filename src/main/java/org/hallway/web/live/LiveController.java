package org.hallway.web.live;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hallway.posts.PostStore;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.stream.Channel;
import org.hallway.stream.Switchboard;
import org.hallway.timeline.FeedPage;
import org.hallway.timeline.ReadCompanyFeed;
import org.hallway.timeline.ReadHomeFeed;
import org.hallway.web.Cards;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for the web UI over Server-Sent Events: {@code GET /live?feed=home|company|none} streams
 * {@code post} (a new post in that feed; the event id is the post id), {@code delete}, {@code counts}
 * (reply, repost and like counts of a post the reader may see) and {@code notification} events. A
 * browser that reconnects sends {@code Last-Event-ID}; the posts it missed are replayed from the feed
 * query itself, so they are exactly the ones the feed shows, each once.
 */
@Controller
class LiveController {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int REPLAY_PAGES = 10;

    private final Switchboard switchboard;
    private final ReadHomeFeed home;
    private final ReadCompanyFeed company;
    private final PostStore posts;
    private final Cards cards;
    private final Set<LiveConnection> open = ConcurrentHashMap.newKeySet();

    LiveController(Switchboard switchboard, ReadHomeFeed home, ReadCompanyFeed company, PostStore posts, Cards cards) {
        this.switchboard = switchboard;
        this.home = home;
        this.company = company;
        this.posts = posts;
        this.cards = cards;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(
            Viewer viewer,
            @RequestParam(defaultValue = "home") String feed,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        boolean isCompany = feed.equals("company");
        var channel =
                switch (feed) {
                    case "home" -> Channel.of(Channel.Kind.USER);
                    case "company" -> Channel.of(Channel.Kind.PUBLIC);
                    default -> null;
                };
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        var connection = new LiveConnection(emitter, viewer, channel, posts);
        emitter.onCompletion(() -> forget(connection));
        emitter.onTimeout(() -> forget(connection));
        emitter.onError(e -> forget(connection));
        open.add(connection);
        connection.retry(2000);
        // Register before replaying: a post committed meanwhile is then either in the replay or
        // delivered live (or both, and sent once).
        connection.registered(switchboard.register(connection));
        var since = parse(lastEventId);
        if (since != null && channel != null) connection.replaying(() -> replay(connection, viewer, isCompany, since));
        return emitter;
    }

    /** The cards of the feed just above {@code min_id}: what the "new posts" bar inserts. */
    @GetMapping("/live/cards")
    String cards(
            Viewer viewer,
            @RequestParam(defaultValue = "home") String feed,
            @RequestParam(name = "min_id") long minId,
            Model model) {
        var page = read(viewer, feed.equals("company"), new PageRequest(null, null, minId, PageRequest.MAX_LIMIT));
        model.addAttribute("cards", cards.of(viewer, page.items(), feed.equals("company") ? "public" : "home"));
        model.addAttribute("more", null);
        return "fragments/feed-items";
    }

    /** A comment now and then finds connections that died silently and keeps proxies from closing idle ones. */
    @Scheduled(fixedDelayString = "PT20S")
    void heartbeat() {
        for (var c : open) {
            if (c.closed()) open.remove(c);
            // On a thread of its own: a reader whose socket is full must not hold up the others.
            else Thread.ofVirtual().name("live-heartbeat").start(() -> c.comment(""));
        }
    }

    /** A reader who closed the page is no error: the stream simply ends. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void disconnected() {}

    private void replay(LiveConnection connection, Viewer viewer, boolean isCompany, long since) {
        long cursor = since;
        for (int i = 0; i < REPLAY_PAGES; i++) {
            var page = read(viewer, isCompany, new PageRequest(null, null, cursor, PageRequest.MAX_LIMIT));
            if (page.items().isEmpty()) return;
            for (var item : page.items().reversed()) {
                connection.post(item.post().id());
                cursor = Math.max(cursor, item.post().id());
            }
            if (page.items().size() < PageRequest.MAX_LIMIT) return;
        }
    }

    private FeedPage read(Viewer viewer, boolean isCompany, PageRequest page) {
        return isCompany ? company.handle(viewer, page) : home.handle(viewer, page);
    }

    private void forget(LiveConnection connection) {
        connection.close();
        open.remove(connection);
    }

    private static @Nullable Long parse(@Nullable String id) {
        if (id == null || id.isBlank()) return null;
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
