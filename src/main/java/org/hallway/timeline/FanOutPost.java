package org.hallway.timeline;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.hallway.follow.FollowStore;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostVisibility;
import org.hallway.posts.PostsCommitted;
import org.hallway.timeline.FeedStore.Held;
import org.hallway.timeline.PostFannedOut.Part;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts new posts into the home feeds of their readers after they are committed, first of the posts'
 * consumers, a whole committed batch in one statement (ADR 0045). The event publication registry keeps the post until they all succeed, so a crash
 * in between loses nothing (ADR 0025).
 *
 * <p>A post by an author with many followers goes to the feeds of the readers listening live first, and
 * to every other feed in a transaction of its own (ADR 0066): thousands of rows no longer stand between
 * a post and its live readers. That second part is in the registry too, and waits a moment
 * ({@code hallway.feed.rest-after}) for the first part's events to go out. Which of the live readers
 * may see such a post is asked on a connection of its own while their feeds are written (ADR 0080):
 * its first part then carries its readers, and live delivery does not ask after the commit.
 */
@Component
class FanOutPost {
    private static final Logger log = LoggerFactory.getLogger(FanOutPost.class);

    /**
     * How long the fan-out waits, once its rows are written, for the question asked beside it. It holds
     * a connection while it waits, and the question needs another: with every connection held by such
     * waits, the question fails after this, and live delivery asks after the commit instead.
     */
    private static final Duration ASK_WITHIN = Duration.ofMillis(100);

    /** Runs the live readers' audience beside the fan-out statement. */
    private static final Executor BESIDE =
            task -> Thread.ofVirtual().name("live-audience").start(task);

    private final FeedStore feeds;
    private final FeedSettings settings;
    private final FollowStore follows;
    private final OpenHomeStreams live;
    private final FindHomeReaders homeReaders;
    private final ApplicationEventPublisher events;

    FanOutPost(
            FeedStore feeds,
            FeedSettings settings,
            FollowStore follows,
            OpenHomeStreams live,
            FindHomeReaders homeReaders,
            ApplicationEventPublisher events) {
        this.feeds = feeds;
        this.settings = settings;
        this.follows = follows;
        this.live = live;
        this.homeReaders = homeReaders;
        this.events = events;
    }

    @EventListener
    @Order(0)
    void on(PostsCommitted committed) {
        var entries = committed.posts().stream().map(FanOutPost::entry).toList();
        var readers = live.readers();
        var first = readers.isEmpty()
                ? List.<FeedStore.FanOut>of()
                : entries.stream().filter(this::toLiveReadersFirst).toList();
        var firstIds = first.stream().map(FeedStore.FanOut::entryId).collect(Collectors.toSet());
        var shown = new HashMap<Long, CompletableFuture<Set<Long>>>();
        for (var entry : first) shown.put(entry.entryId(), shownTo(entry, readers));
        var written = feeds.fanOut(entries, settings.fanOutLimit(), firstIds, readers);
        for (var entry : entries) {
            var audience = shown.get(entry.entryId());
            if (audience == null) announce(entry, Part.ALL, null);
            else announce(entry, Part.LIVE_FIRST, liveReaders(entry, written, audience));
        }
        if (!first.isEmpty()) events.publishEvent(new FannedOutLiveFirst(first));
    }

    /** Which of the live readers may see the entry, asked on another connection while the feeds are written. */
    private CompletableFuture<Set<Long>> shownTo(FeedStore.FanOut entry, Collection<Long> readers) {
        return CompletableFuture.supplyAsync(
                () -> homeReaders.shownTo(entry.networkId(), entry.entryId(), readers), BESIDE);
    }

    /**
     * The live readers whose home feed shows the entry once this fan-out commits: those it was written
     * to who may see it. None known (live delivery then asks) if asking failed.
     */
    private static @Nullable Set<Long> liveReaders(
            FeedStore.FanOut entry, List<Held> written, CompletableFuture<Set<Long>> audience) {
        Set<Long> maySee;
        try {
            maySee = audience.get(ASK_WITHIN.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Finding the live readers of post {} failed; live delivery asks again", entry.entryId(), e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        var readers = new HashSet<Long>();
        for (var held : written)
            if (held.entryId() == entry.entryId() && maySee.contains(held.accountId())) readers.add(held.accountId());
        return readers;
    }

    @ApplicationModuleListener
    void on(FannedOutLiveFirst first) throws InterruptedException {
        // The live readers' events go out before these thousands of rows take the cores.
        if (settings.restAfter().isPositive()) Thread.sleep(settings.restAfter());
        feeds.fanOut(first.entries(), settings.fanOutLimit());
        for (var entry : first.entries()) announce(entry, Part.REST, null);
    }

    /** A post to more followers than the bound, but not so many that they read it at read time. */
    private boolean toLiveReadersFirst(FeedStore.FanOut entry) {
        if (!entry.recipients().followers()) return false;
        var many = follows.followedByMoreThan(entry.networkId(), settings.liveFirstAbove());
        return many.contains(entry.authorId())
                && !follows.followedByMoreThan(entry.networkId(), settings.fanOutLimit())
                        .contains(entry.authorId());
    }

    private void announce(FeedStore.FanOut entry, Part part, @Nullable Set<Long> readers) {
        events.publishEvent(
                new PostFannedOut(entry.networkId(), entry.entryId(), entry.postId(), entry.authorId(), part, readers));
    }

    private static FeedStore.FanOut entry(PostCreated event) {
        long original = event.reblogOfId() == null ? event.postId() : event.reblogOfId();
        boolean isOriginal = event.reblogOfId() == null;
        // Hashtag followers get original company-feed posts, as a hashtag feed would show them. A group
        // post goes to the group's members; a repost of one to the reposter's followers (it keeps the
        // group's audience). A direct message goes to its participants only.
        var recipients =
                switch (event.visibility()) {
                    case DIRECT -> new FeedStore.Recipients(false, false, null, event.mentionedAccountIds());
                    case GROUP -> isOriginal
                            ? new FeedStore.Recipients(false, false, event.groupId(), List.of())
                            : new FeedStore.Recipients(true, false, null, List.of());
                    default -> new FeedStore.Recipients(
                            true, isOriginal && event.visibility() == PostVisibility.PUBLIC, null, List.of());
                };
        return new FeedStore.FanOut(
                event.networkId(), event.postId(), original, event.authorId(), recipients, event.tags());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        var gone = new java.util.ArrayList<>(event.reblogIds());
        gone.add(event.postId());
        feeds.removeEntries(gone);
    }
}
