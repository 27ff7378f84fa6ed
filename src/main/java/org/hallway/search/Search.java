package org.hallway.search;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hallway.audience.Audience;
import org.hallway.audience.Visibility;
import org.hallway.identity.AccountStore;
import org.hallway.search.internal.SocialRanking;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Searches posts, people and hashtags for one reader. Posts come only from the reader's audience (the
 * filter is inside the index query) and are ordered by social ranking unless the reader asks for plain
 * relevance or the newest first.
 */
@Service
public class Search {
    /** How many best text matches are ranked socially; pages reach this far. */
    public static final int CANDIDATES = 400;

    /**
     * How many of the newest matches the best text matches are chosen from (ADR 0069): a query that
     * matches fewer posts reaches back to the oldest, one of common words finds what is current.
     */
    static final int NEWEST_MATCHES = 2_000;

    public static final int MAX_LIMIT = 40;

    public enum Type {
        ACCOUNTS,
        HASHTAGS,
        STATUSES;

        public static @Nullable Type of(@Nullable String code) {
            if (code == null || code.isBlank()) return null;
            return switch (code.strip().toLowerCase(Locale.ROOT)) {
                case "accounts" -> ACCOUNTS;
                case "hashtags" -> HASHTAGS;
                case "statuses" -> STATUSES;
                default -> throw new InvalidInputException("type", "type must be accounts, hashtags or statuses");
            };
        }
    }

    public enum Order {
        SOCIAL,
        RELEVANCE,
        RECENT;

        public static Order of(@Nullable String code) {
            if (code == null || code.isBlank()) return SOCIAL;
            return switch (code.strip().toLowerCase(Locale.ROOT)) {
                case "social", "ranked" -> SOCIAL;
                case "relevance" -> RELEVANCE;
                case "recent", "newest" -> RECENT;
                default -> throw new InvalidInputException("order", "order must be social, relevance or recent");
            };
        }
    }

    public record Command(
            @Nullable String q,
            @Nullable Type type,
            int limit,
            int offset,
            boolean following,
            @Nullable Long accountId,
            Order order) {}

    public record Results(
            SearchQuery query, List<Long> accounts, List<RankedPost> statuses, List<SearchIndex.TagHit> hashtags) {}

    private final SearchIndex index;
    private final SearchSource source;
    private final AccountStore accounts;
    private final Visibility visibility;
    private final Clock clock;

    Search(SearchIndex index, SearchSource source, AccountStore accounts, Visibility visibility, Clock clock) {
        this.index = index;
        this.source = source;
        this.accounts = accounts;
        this.visibility = visibility;
        this.clock = clock;
    }

    public Results handle(Viewer viewer, Command cmd) {
        var query = SearchQuery.parse(cmd.q());
        if (cmd.limit() < 1 || cmd.limit() > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (cmd.offset() < 0 || cmd.offset() > CANDIDATES) {
            throw new InvalidInputException("offset", "offset must be between 0 and " + CANDIDATES);
        }
        if (query.isEmpty() && cmd.accountId() == null) return new Results(query, List.of(), List.of(), List.of());
        var type = cmd.type();
        boolean statuses = type == null || type == Type.STATUSES;
        // Posts need the reader's work context, which comes with the hidden colleagues in one query.
        var work = statuses ? source.workContext(viewer.networkId(), viewer.accountId()) : null;
        var hidden = work != null
                ? work.hidden()
                : type == Type.HASHTAGS ? Set.<Long>of() : source.hiddenAuthors(viewer.accountId());
        var people = type == null || type == Type.ACCOUNTS ? people(viewer, query, hidden, cmd) : List.<Long>of();
        var tags = type == null || type == Type.HASHTAGS ? tags(viewer, query, cmd) : List.<SearchIndex.TagHit>of();
        var posts = work != null ? posts(viewer, query, work, cmd) : List.<RankedPost>of();
        return new Results(query, people, posts, tags);
    }

    private List<Long> people(Viewer viewer, SearchQuery query, Set<Long> hidden, Command cmd) {
        boolean guest = visibility.isGuest(viewer);
        // A guest finds only the people of their groups: look further, then keep those they may see.
        var hits = index.people(viewer.networkId(), query, hidden, guest ? CANDIDATES : cmd.offset() + cmd.limit() + 1);
        var ids = hits.stream().map(SearchIndex.PersonHit::id).toList();
        if (guest) {
            var visible = visibility.visibleAccountsAmong(viewer, ids);
            ids = ids.stream().filter(visible::contains).toList();
        }
        if (cmd.following()) {
            var followees = visibility.audienceOf(viewer).followedAuthors();
            ids = ids.stream().filter(followees::contains).toList();
        }
        return page(ids, cmd);
    }

    private List<SearchIndex.TagHit> tags(Viewer viewer, SearchQuery query, Command cmd) {
        var prefix = !query.tags().isEmpty()
                ? query.tags().getFirst()
                : query.words().size() == 1 ? query.words().getFirst() : null;
        // Hashtags are those of company-wide posts, which guests do not see.
        if (prefix == null || visibility.isGuest(viewer)) return List.of();
        return page(index.tags(viewer.networkId(), prefix, cmd.offset() + cmd.limit()), cmd);
    }

    private List<RankedPost> posts(Viewer viewer, SearchQuery query, SearchSource.WorkContext work, Command cmd) {
        var audience = visibility.audienceOf(viewer);
        var candidates = cmd.order() == Order.RECENT
                ? SearchIndex.Candidates.newest(CANDIDATES)
                : new SearchIndex.Candidates(NEWEST_MATCHES, CANDIDATES);
        var hits = index.posts(
                audience, query, cmd.accountId(), groupsIn(source, audience, query), work.hidden(), candidates);
        if (cmd.following()) {
            hits = hits.stream()
                    .filter(h -> audience.followedAuthors().contains(h.authorId()))
                    .toList();
        }
        if (hits.isEmpty()) return List.of();
        var expertIds = SocialRanking.topicExperts(hits, 10);
        Set<Long> engaged = new HashSet<>(expertIds);
        hits.forEach(h -> {
            engaged.addAll(h.likedBy());
            engaged.addAll(h.repostedBy());
        });
        // The handles of the topic's experts and the departments of everyone who engaged (thousands for a
        // common word): from the accounts kept in memory, so a search reads only the colleagues new to it.
        var colleagues = accounts.findAll(viewer.networkId(), engaged);
        var experts = new HashMap<Long, String>();
        for (var id : expertIds) {
            var c = colleagues.get(id);
            if (c != null) experts.put(id, c.username());
        }
        var reader = new SocialRanking.Reader(
                viewer.accountId(),
                audience.followedAuthors(),
                work,
                id -> {
                    var c = colleagues.get(id);
                    return c == null ? null : c.department();
                },
                experts,
                clock.instant());
        var ranked = SocialRanking.rank(hits, reader);
        var ordered =
                switch (cmd.order()) {
                    case SOCIAL -> ranked;
                    case RELEVANCE -> sorted(ranked, hits, true);
                    case RECENT -> sorted(ranked, hits, false);
                };
        return page(ordered, cmd);
    }

    /**
     * The groups that {@code in:} names and the reader may read; null when the query names none. A group
     * that does not exist, is secret to the reader or that they may not read gives the same empty set,
     * so the answer never tells which.
     */
    static @Nullable Set<Long> groupsIn(SearchSource source, Audience audience, SearchQuery query) {
        if (query.groups().isEmpty()) return null;
        var named = new HashSet<>(source.groupsNamed(audience.networkId(), query.groups()));
        named.retainAll(audience.readableGroups());
        return named;
    }

    /** The ranked posts in the index's own order: relevance, or time when {@code relevance} is false. */
    private static List<RankedPost> sorted(List<RankedPost> ranked, List<SearchIndex.PostHit> hits, boolean relevance) {
        var byId = ranked.stream().collect(Collectors.toMap(RankedPost::postId, Function.identity()));
        var order = hits.stream()
                .sorted(
                        relevance
                                ? java.util.Comparator.comparingDouble(SearchIndex.PostHit::relevance)
                                        .reversed()
                                        .thenComparing(h -> -h.id())
                                : java.util.Comparator.comparing((SearchIndex.PostHit h) -> -h.id()))
                .toList();
        return order.stream().map(h -> byId.get(h.id())).toList();
    }

    private static <T> List<T> page(List<T> all, Command cmd) {
        if (cmd.offset() >= all.size()) return List.of();
        return all.subList(cmd.offset(), Math.min(all.size(), cmd.offset() + cmd.limit()));
    }
}
