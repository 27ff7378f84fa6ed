package org.hallway.search;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Port: where the index's documents and the reader's social context come from (PostgreSQL, the source
 * of truth). The index is derived: everything here can be read again to rebuild it.
 */
public interface SearchSource {
    /** A post that exists, is not deleted and is not a repost. */
    Optional<PostDoc> post(long postId);

    /** {@link #post} for several posts in one read, by id; posts that are not indexable are absent. */
    Map<Long, PostDoc> posts(Collection<Long> postIds);

    /** The post a repost reposts, whether or not either is deleted; empty for an original post. */
    Optional<Long> originalOf(long postId);

    /** An active colleague. */
    Optional<PersonDoc> person(long accountId);

    /** Every indexable post of every network, streamed (for a rebuild). */
    void eachPost(Consumer<PostDoc> sink);

    void eachPerson(Consumer<PersonDoc> sink);

    /** Posts created, edited, deleted, reposted or liked since the instant (to catch up after a crash). */
    Set<Long> postsChangedSince(java.time.Instant since);

    /** Colleagues added, changed or deactivated since the instant. */
    Set<Long> peopleChangedSince(java.time.Instant since);

    /** The ids of the posts an account wrote, for reindexing them after a profile change. */
    Set<Long> postsBy(long accountId);

    /**
     * The colleagues whose posts and profiles the reader does not find: those they mute now, block, or
     * are blocked by (the rule of {@link org.hallway.follow.MutesAndBlocks}).
     */
    Set<Long> hiddenAuthors(long accountId);

    /**
     * The reader's work relations (department, managers up the chain, direct reports) and the colleagues
     * hidden from them ({@link #hiddenAuthors}), read together.
     */
    WorkContext workContext(long networkId, long accountId);

    /**
     * The groups of the network that one of the references names: its name (any case), its name with
     * hyphens for spaces and punctuation ({@code platform-team}), or its id. Whether the reader may
     * read them is not decided here.
     */
    Set<Long> groupsNamed(long networkId, Collection<String> references);

    record WorkContext(String department, Set<Long> managers, Set<Long> reports, Set<Long> hidden) {}
}
