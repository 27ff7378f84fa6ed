package org.hallway.search;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: removes the link cards that no live post links to any more (their posts deleted or
 * edited, ADR 0046) and that nobody shared for a day, then the pictures that no card names (those of
 * the cards just removed, those a refresh replaced, those of a fetch that crashed before its card was
 * stored). Pictures younger than a day are left alone, since a picture is written just before its card.
 */
@Component
public class PurgeLinkCards {
    private static final Logger log = LoggerFactory.getLogger(PurgeLinkCards.class);
    static final Duration KEEP = Duration.ofDays(1);

    private final LinkPreviews previews;
    private final Clock clock;

    PurgeLinkCards(LinkPreviews previews, Clock clock) {
        this.previews = previews;
        this.clock = clock;
    }

    public record Purged(int cards, int pictures) {}

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT1H")
    public void run() {
        purgeOlderThan(KEEP);
    }

    /** Removes unused cards last shared, and unnamed pictures written, longer than {@code age} ago. */
    public Purged purgeOlderThan(Duration age) {
        var before = clock.instant().minus(age);
        var purged = new Purged(previews.forgetUnshared(before), previews.removeUnusedPictures(before));
        if (purged.cards() > 0 || purged.pictures() > 0)
            log.info("Removed {} unused link cards and {} unused link pictures", purged.cards(), purged.pictures());
        return purged;
    }
}
