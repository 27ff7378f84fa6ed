package org.hallway.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hallway.search.RankedPost;
import org.hallway.search.SearchIndex.PostHit;
import org.hallway.search.SearchSource.WorkContext;
import org.jspecify.annotations.Nullable;

/**
 * Orders posts for one reader by text relevance combined with their relationship to it: posts from
 * people they follow, from their department and management chain, liked and reposted by people who
 * matter to them (someone they follow, a colleague of their department, someone who writes a lot about
 * the topic), and recent ones. Relevance stays the base: signals multiply it, so an unrelated post from
 * a close colleague does not beat a strong match. Each signal that applied becomes a reason.
 */
public final class SocialRanking {
    static final double FOLLOWS = 0.8;
    static final double MANAGEMENT = 0.5;
    static final double DEPARTMENT = 0.3;
    static final double ENGAGEMENT = 0.7;
    static final double RECENCY = 0.3;
    static final Duration RECENCY_HALF_LIFE = Duration.ofDays(14);

    /** What the ranking knows about the reader and the topic. */
    public record Reader(
            long accountId,
            Set<Long> followees,
            WorkContext work,
            Function<Long, @Nullable String> departmentOf,
            Map<Long, String> topicExperts,
            Instant now) {}

    private SocialRanking() {}

    /**
     * The authors who wrote at least two of the matching posts, strongest first: reposts and likes by
     * them weigh more, as theirs is an informed opinion on the topic.
     */
    public static List<Long> topicExperts(List<PostHit> hits, int max) {
        var byAuthor = new HashMap<Long, double[]>();
        for (var h : hits) {
            var acc = byAuthor.computeIfAbsent(h.authorId(), k -> new double[2]);
            acc[0] += 1;
            acc[1] += h.relevance();
        }
        return byAuthor.entrySet().stream()
                .filter(e -> e.getValue()[0] >= 2)
                .sorted(Comparator.comparingDouble(e -> -e.getValue()[1]))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }

    public static List<RankedPost> rank(List<PostHit> hits, Reader reader) {
        double maxRelevance =
                hits.stream().mapToDouble(PostHit::relevance).max().orElse(1);
        if (maxRelevance <= 0) maxRelevance = 1;
        var ranked = new ArrayList<RankedPost>(hits.size());
        for (var h : hits) {
            double base = h.relevance() / maxRelevance;
            double boost = 1;
            var reasons = new ArrayList<String>();
            if (reader.followees().contains(h.authorId())) {
                boost += FOLLOWS;
                reasons.add("From someone you follow");
            }
            if (reader.work().managers().contains(h.authorId())) {
                boost += MANAGEMENT;
                reasons.add("From your management chain");
            } else if (reader.work().reports().contains(h.authorId())) {
                boost += MANAGEMENT;
                reasons.add("From someone who reports to you");
            }
            var department = reader.work().department();
            if (h.authorId() != reader.accountId()
                    && !department.isBlank()
                    && department.equalsIgnoreCase(h.authorDepartment())) {
                boost += DEPARTMENT;
                reasons.add("From your department (" + h.authorDepartment() + ")");
            }
            boost += engagement(h, reader, reasons);
            double ageDays =
                    Math.max(0, Duration.between(h.createdAt(), reader.now()).toMinutes() / 1440.0);
            boost += RECENCY * Math.pow(0.5, ageDays / RECENCY_HALF_LIFE.toDays());
            if (ageDays < 1) reasons.add("Posted in the last day");
            if (reasons.isEmpty()) reasons.add("Matches your search");
            ranked.add(new RankedPost(h.id(), base * boost, h.relevance(), List.copyOf(reasons)));
        }
        ranked.sort(Comparator.comparingDouble(RankedPost::score).reversed().thenComparing(r -> -r.postId()));
        return ranked;
    }

    private static double engagement(PostHit h, Reader reader, List<String> reasons) {
        double weight = 0;
        int byFollowees = 0, byDepartment = 0;
        String expert = null;
        var department = reader.work().department();
        for (var kind : List.of(h.likedBy(), h.repostedBy())) {
            double kindWeight = kind == h.repostedBy() ? 2 : 1;
            for (var who : kind) {
                if (who == reader.accountId()) continue;
                double w = 1;
                if (reader.followees().contains(who)) {
                    w += 1;
                    byFollowees++;
                }
                if (!department.isBlank()
                        && department.equalsIgnoreCase(reader.departmentOf().apply(who))) {
                    w += 1;
                    byDepartment++;
                }
                if (reader.topicExperts().containsKey(who) && who != h.authorId()) {
                    w += 2;
                    if (expert == null) expert = reader.topicExperts().get(who);
                }
                weight += w * kindWeight;
            }
        }
        if (byDepartment > 0) reasons.add(likedBy(byDepartment, "people") + " in your department");
        if (byFollowees > 0) reasons.add(likedBy(byFollowees, "people") + " you follow");
        if (expert != null) reasons.add("Endorsed by @" + expert + ", who writes about this");
        int total = h.likedBy().size() + h.repostedBy().size();
        if (total > 0 && byDepartment == 0 && byFollowees == 0 && expert == null) {
            reasons.add(likedBy(total, "colleagues"));
        }
        return ENGAGEMENT * (1 - Math.exp(-weight / 6));
    }

    /** "Liked or reposted by 3 people": by concatenation, as it is built for every candidate. */
    private static String likedBy(int n, String many) {
        return "Liked or reposted by " + n + " " + (n == 1 ? "person" : many);
    }
}
