package org.hallway.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hallway.audience.Visibility;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * "Who knows about X": colleagues ranked by what they wrote on X (posts and replies the reader may
 * see), the engagement it earned, and their profile (title, bio, declared skills) matching X. Each
 * comes with the evidence: their best posts on X.
 */
@Service
public class FindExperts {
    public static final int MAX_LIMIT = 20;
    static final int EVIDENCE = 3;

    /** The posts on the topic that are weighed: the best 1,000 text matches of the 5,000 newest (ADR 0069). */
    static final SearchIndex.Candidates WEIGHED = new SearchIndex.Candidates(5_000, 1_000);

    public record Expert(long accountId, double score, List<Long> evidence, List<String> reasons) {}

    private final SearchIndex index;
    private final Visibility visibility;
    private final SearchSource source;

    FindExperts(SearchIndex index, Visibility visibility, SearchSource source) {
        this.index = index;
        this.visibility = visibility;
        this.source = source;
    }

    public List<Expert> handle(Viewer viewer, String q, int limit) {
        var query = SearchQuery.parse(q);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (!query.hasText()) return List.of();
        var audience = visibility.audienceOf(viewer);
        // Muted and blocked colleagues are neither experts nor evidence, as Mastodon hides them from search.
        var hidden = source.hiddenAuthors(viewer.accountId());
        var hits = index.posts(audience, query, null, Search.groupsIn(source, audience, query), hidden, WEIGHED);
        double max =
                hits.stream().mapToDouble(SearchIndex.PostHit::relevance).max().orElse(1);
        var scores = new HashMap<Long, double[]>();
        var evidence = new HashMap<Long, List<SearchIndex.PostHit>>();
        for (var h : hits) {
            if (h.authorId() == viewer.accountId()) continue;
            double engagement =
                    Math.log1p(h.likedBy().size() + 2.0 * h.repostedBy().size());
            var s = scores.computeIfAbsent(h.authorId(), k -> new double[3]);
            s[0] += (h.relevance() / max) * (1 + engagement);
            s[1] += 1;
            s[2] += h.likedBy().size() + h.repostedBy().size();
            evidence.computeIfAbsent(h.authorId(), k -> new ArrayList<>()).add(h);
        }
        var profiles = index.people(viewer.networkId(), query, hidden, 50);
        double maxProfile = profiles.stream()
                .mapToDouble(SearchIndex.PersonHit::relevance)
                .max()
                .orElse(1);
        var profileMatch = new HashMap<Long, Double>();
        var declared = new HashMap<Long, List<String>>();
        var topics = topics(query);
        for (var p : profiles) {
            if (p.id() == viewer.accountId()) continue;
            profileMatch.put(p.id(), p.relevance() / maxProfile);
            scores.computeIfAbsent(p.id(), k -> new double[3]);
            var skills = p.skills().stream().filter(topics::contains).toList();
            if (!skills.isEmpty()) declared.put(p.id(), skills);
        }
        // A guest sees only the members of their groups: nobody else is an expert for them.
        if (visibility.isGuest(viewer))
            scores.keySet().retainAll(visibility.visibleAccountsAmong(viewer, scores.keySet()));
        var experts = new ArrayList<Expert>();
        scores.forEach((author, s) -> {
            double profile = profileMatch.getOrDefault(author, 0.0);
            var reasons = new ArrayList<String>();
            if (s[1] > 0) reasons.add(String.format("%d %s on this", (int) s[1], s[1] == 1 ? "post" : "posts"));
            if (s[2] > 0) reasons.add(String.format("%d likes and reposts on them", (int) s[2]));
            var skills = declared.getOrDefault(author, List.of());
            for (var skill : skills) reasons.add("Declares the skill #" + skill);
            if (profile > 0 && skills.isEmpty()) reasons.add("Profile mentions it");
            var best = evidence.getOrDefault(author, List.of()).stream()
                    .sorted(Comparator.comparingDouble(SearchIndex.PostHit::relevance)
                            .reversed())
                    .limit(EVIDENCE)
                    .map(SearchIndex.PostHit::id)
                    .toList();
            // A declared skill weighs like a couple of well-received posts on the topic.
            double skill = skills.isEmpty() ? 0 : 2.0;
            experts.add(new Expert(author, s[0] + 1.5 * profile + skill, best, List.copyOf(reasons)));
        });
        experts.sort(Comparator.comparingDouble(Expert::score).reversed().thenComparing(Expert::accountId));
        return experts.size() > limit ? experts.subList(0, limit) : experts;
    }

    /** The topic as skills are written (hashtag form): each word and tag, and the words joined by "_". */
    static Set<String> topics(SearchQuery query) {
        var topics = new HashSet<String>();
        var words = new ArrayList<String>(query.words());
        query.phrases().forEach(p -> words.addAll(List.of(p.strip().split("\\s+"))));
        words.forEach(w -> topics.add(w.toLowerCase(Locale.ROOT)));
        query.tags().forEach(t -> topics.add(t.toLowerCase(Locale.ROOT)));
        if (words.size() > 1) topics.add(String.join("_", words).toLowerCase(Locale.ROOT));
        return topics;
    }
}
