package org.hallway.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.search.internal.Links;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Trending hashtags and links: those used more in the last day than their usual daily rate over the week before
 * (burst detection), network-wide or in one department. Only company-wide posts count, so a trend
 * reveals nothing that was posted to followers only.
 */
@Service
public class ReadTrends {
    static final int DAYS = 7;
    public static final int MAX_LIMIT = 20;

    /** A trending tag: its burst score and its daily uses, newest day first (Mastodon's history). */
    public record Trend(String tag, double score, List<Discovery.TagDay> history) {}

    /** A trending link (normalized URL), its card and its daily uses, newest day first. */
    public record LinkTrend(
            String url,
            String domain,
            String title,
            String description,
            LinkPreviews.@Nullable Image image,
            double score,
            List<Discovery.TagDay> history) {}

    private final Discovery discovery;
    private final Clock clock;

    private final Visibility audience;
    private final LinkPreviews previews;

    ReadTrends(Discovery discovery, Clock clock, Visibility audience, LinkPreviews previews) {
        this.discovery = discovery;
        this.clock = clock;
        this.audience = audience;
        this.previews = previews;
    }

    public List<Trend> tags(Viewer viewer, @Nullable String department, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        // Trends are counted over company-wide posts, which guests do not see.
        if (audience.isGuest(viewer)) return List.of();
        var today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        var since = today.minus(Duration.ofDays(DAYS - 1));
        var days = discovery.tagDays(viewer.networkId(), since, department == null ? "" : department.strip());
        return page(bursts(days, today), limit, offset);
    }

    /**
     * Links shared in company-wide posts more than usual: the same burst detection as hashtags, over
     * the same posts, so a link trend reveals nothing a hashtag trend would not. The card is the
     * preview fetched for the link when previews are on (with its picture, if it has one), else the
     * link's domain as its title.
     */
    public List<LinkTrend> links(Viewer viewer, @Nullable String department, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (audience.isGuest(viewer)) return List.of();
        var today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        var since = today.minus(Duration.ofDays(DAYS - 1));
        var days = discovery.linkDays(viewer.networkId(), since, department == null ? "" : department.strip());
        return page(bursts(days, today), limit, offset).stream()
                .map(t -> {
                    var preview = previews.preview(viewer.networkId(), t.tag());
                    return new LinkTrend(
                            t.tag(),
                            Links.domain(t.tag()),
                            preview.title(),
                            preview.description(),
                            preview.image(),
                            t.score(),
                            t.history());
                })
                .toList();
    }

    /** The most trending posts asked for at once (Mastodon's limit for trending statuses). */
    public static final int MAX_STATUSES = 40;

    /**
     * Posts engaged with more than usual (Mastodon's trending statuses): the same burst detection as
     * hashtags, over likes and reposts by others in the last 24 hours against the post's usual daily
     * rate before them, for original company-wide posts of the last week the reader may see; never a
     * group's, a followers-only or a direct post, and nothing for guests. Best burst first, newer first
     * among equals; {@code department} counts only posts by that department.
     */
    public List<Long> statuses(Viewer viewer, @Nullable String department, int limit, int offset) {
        if (limit < 1 || limit > MAX_STATUSES) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_STATUSES);
        }
        if (audience.isGuest(viewer)) return List.of();
        var now = clock.instant();
        var recentSince = now.minus(Duration.ofDays(1));
        var engagement = discovery.postEngagement(
                viewer.networkId(),
                viewer.accountId(),
                now.minus(Duration.ofDays(DAYS)),
                recentSince,
                department == null ? "" : department.strip());
        record Scored(long postId, double score) {}
        var scored = new ArrayList<Scored>();
        for (var e : engagement) {
            // The usual rate is per day the post existed before the last 24 hours (at least one).
            double daysBefore =
                    Math.max(1.0, Duration.between(e.createdAt(), recentSince).toMinutes() / (24.0 * 60));
            double usual = e.earlier() / Math.min(daysBefore, DAYS - 1);
            double score = (e.recent() - usual) / Math.sqrt(usual + 1);
            if (e.recent() > 0 && score > 0) scored.add(new Scored(e.postId(), score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparing(Comparator.comparingLong(Scored::postId).reversed()));
        return page(scored.stream().map(Scored::postId).toList(), limit, offset);
    }

    /** Keys used more today than their usual daily rate over the days before, best burst first. */
    private static List<Trend> bursts(List<Discovery.TagDay> days, Instant today) {
        var byKey = new HashMap<String, List<Discovery.TagDay>>();
        for (var d : days)
            byKey.computeIfAbsent(d.tag(), k -> new ArrayList<>()).add(d);
        var trends = new ArrayList<Trend>();
        byKey.forEach((key, list) -> {
            int recent = 0, recentAccounts = 0, earlier = 0;
            for (var d : list) {
                if (d.day().equals(today)) {
                    recent += d.uses();
                    recentAccounts += d.accounts();
                } else {
                    earlier += d.uses();
                }
            }
            double usual = earlier / (double) (DAYS - 1);
            double score = (recent - usual) / Math.sqrt(usual + 1);
            if (recent > 0 && recentAccounts > 0 && score > 0)
                trends.add(new Trend(key, score, history(key, list, today)));
        });
        trends.sort(Comparator.comparingDouble(Trend::score).reversed().thenComparing(Trend::tag));
        return trends;
    }

    private static <T> List<T> page(List<T> all, int limit, int offset) {
        if (offset < 0 || offset >= all.size()) return List.of();
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    private static List<Discovery.TagDay> history(String tag, List<Discovery.TagDay> list, Instant today) {
        var byDay = new HashMap<Instant, Discovery.TagDay>();
        list.forEach(d -> byDay.put(d.day(), d));
        var history = new ArrayList<Discovery.TagDay>();
        for (int i = 0; i < DAYS; i++) {
            var day = today.minus(Duration.ofDays(i));
            history.add(byDay.getOrDefault(day, new Discovery.TagDay(tag, day, 0, 0)));
        }
        return history;
    }
}
