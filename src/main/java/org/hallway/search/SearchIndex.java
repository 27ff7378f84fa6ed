package org.hallway.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hallway.audience.Audience;
import org.jspecify.annotations.Nullable;

/**
 * Port: the full-text index of posts, people and hashtags. Every query is confined to one network, and
 * post queries to the reader's {@link Audience}, inside the query itself (never a filter after the top
 * N). The index is derived from PostgreSQL and can be rebuilt from it while it keeps answering.
 */
public interface SearchIndex {
    /** A post that matched, with what ranking needs. */
    record PostHit(
            long id,
            long authorId,
            String authorDepartment,
            float relevance,
            Instant createdAt,
            List<Long> likedBy,
            List<Long> repostedBy) {}

    /** A colleague who matched, with the skills they declare. */
    record PersonHit(long id, float relevance, List<String> skills) {}

    /** A hashtag and how many company-wide posts carry it. */
    record TagHit(String name, int posts) {}

    record Status(
            boolean rebuilding,
            long documents,
            @Nullable Instant lastRebuiltAt,
            @Nullable Duration lastRebuildTook,
            long rebuilds) {}

    void upsertPost(PostDoc doc);

    void deletePost(long postId);

    void upsertPerson(PersonDoc doc);

    void deletePerson(long accountId);

    /**
     * Which of the matching posts a search considers: the {@code best} best text matches among the
     * {@code newest} newest matches (ADR 0069). A query that matches fewer than {@code newest} posts
     * reaches back to the oldest; a query of common words finds what is current without reading every
     * post that holds them. With {@code best} equal to {@code newest}, simply the newest matches.
     */
    record Candidates(int newest, int best) {
        public Candidates {
            if (best < 1 || newest < best) {
                throw new IllegalArgumentException("candidates need 1 <= best <= newest, not " + best + ", " + newest);
            }
        }

        public static Candidates newest(int n) {
            return new Candidates(n, n);
        }
    }

    /**
     * The newest {@code max} posts matching the query that the audience may see: best text match first,
     * or newest first when the query has no text. {@code authorId} restricts to one author when set.
     */
    default List<PostHit> posts(Audience audience, SearchQuery query, @Nullable Long authorId, int max) {
        return posts(audience, query, authorId, null, Set.of(), Candidates.newest(max));
    }

    /**
     * The {@code candidates} of the posts matching the query that the audience may see: best text match
     * first (newer first among equals), or newest first when the query has no text. {@code authorId}
     * restricts to one author when set; {@code inGroups}, when set, to the posts of those groups (an
     * empty set matches nothing). The audience still applies: a group the reader may not read gives
     * nothing. Posts by the {@code hiddenAuthors} (muted or blocked either way) are left out inside the
     * query too, so a page is never short because of them.
     */
    List<PostHit> posts(
            Audience audience,
            SearchQuery query,
            @Nullable Long authorId,
            @Nullable Set<Long> inGroups,
            Set<Long> hiddenAuthors,
            Candidates candidates);

    default List<PersonHit> people(long networkId, SearchQuery query, int max) {
        return people(networkId, query, Set.of(), max);
    }

    /** Colleagues matching the query, best first, except the {@code hidden} ones (left out in the query). */
    List<PersonHit> people(long networkId, SearchQuery query, Set<Long> hidden, int max);

    /** Hashtags of company-wide posts starting with {@code prefix}, most used first. */
    List<TagHit> tags(long networkId, String prefix, int max);

    /**
     * Starts rebuilding the whole index from the source into a new directory, then swaps it in; searches
     * keep answering from the current index meanwhile. False when a rebuild is already running.
     */
    boolean rebuild();

    Status status();
}
