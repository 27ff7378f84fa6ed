package org.hallway.search;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.hallway.search.internal.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the links of posts written before links were recorded (V18), so that link trends and their
 * cards count them too. Runs once, in the background after start (start does not wait for it), in
 * batches of posts by id; each batch's end is written down, so a restart resumes where it stopped, and
 * a finished backfill is never run again. Re-recording a post the listener already recorded writes the
 * same links, so the two may overlap. Previews are learned only for links of the trend window.
 */
@Component
public class BackfillLinks {
    private static final Logger log = LoggerFactory.getLogger(BackfillLinks.class);
    static final int BATCH = 500;
    private static final Duration TREND_WINDOW = Duration.ofDays(7);

    private final PostLinks links;
    private final LinkPreviews previews;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    BackfillLinks(PostLinks links, LinkPreviews previews, Clock clock) {
        this.links = links;
        this.previews = previews;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (links.backfillPosition().isEmpty()) return;
        Thread.ofPlatform().name("search-link-backfill").daemon().start(() -> {
            try {
                run(BATCH);
            } catch (RuntimeException e) {
                log.warn("Recording the links of older posts stopped; it resumes at the next start", e);
            }
        });
    }

    /**
     * Runs the backfill from where it stands to its end, {@code batch} posts at a time; one run at a
     * time. Returns how many posts it recorded (0 when it had finished before).
     */
    public int run(int batch) {
        running.lock();
        try {
            var position = links.backfillPosition();
            if (position.isEmpty()) return 0;
            long last = position.get();
            int done = 0;
            while (true) {
                var posts = links.postsWithLinksAfter(last, batch);
                var recent = clock.instant().minus(TREND_WINDOW);
                for (var p : posts) {
                    var urls = Links.in(p.text());
                    links.replace(p.networkId(), p.postId(), p.createdAt(), urls);
                    if (!urls.isEmpty() && p.createdAt().isAfter(recent)) previews.learn(p.networkId(), urls);
                    last = p.postId();
                    done++;
                }
                boolean finished = posts.size() < batch;
                links.backfillReached(last, finished, clock.instant());
                if (finished) break;
            }
            if (done > 0) log.info("Recorded the links of {} older posts", done);
            return done;
        } finally {
            running.unlock();
        }
    }
}
