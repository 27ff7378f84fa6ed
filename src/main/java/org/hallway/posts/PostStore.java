package org.hallway.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hallway.shared.Memo;
import org.jspecify.annotations.Nullable;

/** Port: posts, their tags, mentions, edit history and the per-author counters. */
public interface PostStore {
    record Edit(
            long id,
            String text,
            String html,
            String spoilerText,
            boolean sensitive,
            Instant createdAt,
            java.util.List<EditMedia> media) {}

    /**
     * An attachment a version had: its type (image, video, gifv, audio), its alt text then ("" if
     * none), and the upload's id (null in versions recorded before ids were kept).
     */
    record EditMedia(String type, String description, @Nullable Long mediaId) {
        public EditMedia(String type, String description) {
            this(type, description, null);
        }
    }

    record AuthorStats(int statusesCount, @Nullable Instant lastStatusAt) {}

    /**
     * A post with its hashtags (sorted), the ids of the colleagues it mentions, and whether it has media
     * attachments or a poll (so a page of posts without any reads neither). Its memo keeps what is
     * presented from this row while the row is kept ({@link PostView#memo()}).
     */
    record Detailed(Post post, List<String> tags, List<Long> mentionIds, boolean hasMedia, boolean hasPoll, Memo memo) {
        public Detailed(Post post, List<String> tags, List<Long> mentionIds, boolean hasMedia, boolean hasPoll) {
            this(post, tags, mentionIds, hasMedia, hasPoll, new Memo());
        }
    }

    /** What a reader did to some posts: liked, bookmarked, reposted (by id of the original). */
    record ReaderState(Set<Long> liked, Set<Long> bookmarked, Set<Long> reposted) {}

    void insert(Post post, List<String> tags, List<Long> mentionIds);

    /**
     * A new post with what its creation changes besides its own rows: its parent's reply count, its
     * author's post count, the client's idempotency key.
     */
    record NewPost(
            Post post,
            List<String> tags,
            List<Long> mentionIds,
            boolean countsAsReply,
            boolean countsForAuthor,
            @Nullable String idempotencyKey,
            boolean hasMedia,
            boolean hasPoll) {}

    /**
     * Stores several new posts with their tags, mentions, counters and idempotency keys in one
     * statement (one round trip, whatever the number of posts). Each idempotency key appears once.
     */
    void insertAll(List<NewPost> posts);

    /** The posts stored under the given idempotency keys of the last hour, by account and key. */
    Map<Long, Map<String, Long>> postsForIdempotencyKeys(Map<Long, Set<String>> keysByAccount);

    /** A post that exists and is not deleted, whoever may see it (callers ask audience first). */
    Optional<Post> find(long networkId, long id);

    Map<Long, Post> findAll(long networkId, Collection<Long> ids);

    /**
     * The given posts and, for reposts among them, their originals, each with tags and mentions: in one
     * round trip, since every page of every feed needs it.
     */
    Map<Long, Detailed> findDetailed(long networkId, Collection<Long> ids);

    /** The reader's likes, bookmarks and reposts among the given originals, in one round trip. */
    ReaderState readerState(long accountId, Collection<Long> postIds);

    /**
     * Everyone whose reader state of each post is set: who liked, bookmarked or (still) reposted it. All
     * other readers see the post's flags the same way, so live streams render it once for them. A post
     * nobody touched has no entry.
     */
    Map<Long, Set<Long>> interactors(Collection<Long> postIds);

    /** The colleagues a post mentions. */
    List<Long> mentionIds(long postId);

    Optional<Post> findReblog(long authorId, long originalId);

    List<Long> reblogsOf(long postId);

    void updateContent(Post post, List<String> tags, List<Long> mentionIds);

    void insertEdit(long id, Post version, Instant at, java.util.List<EditMedia> media);

    List<Edit> edits(long postId);

    /** Marks the given posts deleted; the rows stay (ids are never reused). */
    void markDeleted(Collection<Post> posts, Instant at);

    void adjustCounters(long postId, int replies, int reblogs, int favourites);

    void adjustAuthorStats(long networkId, long accountId, int statuses, @Nullable Instant lastStatusAt);

    Map<Long, AuthorStats> authorStats(Collection<Long> accountIds);

    long countPosts(long networkId);

    Optional<Long> postForIdempotencyKey(long accountId, String key);

    void saveIdempotencyKey(long accountId, String key, long postId, Instant at);
}
