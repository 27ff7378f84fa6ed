package org.hallway.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;

/** Port: feed storage and the feed queries, each with the audience check inside the query. */
public interface FeedStore {
    /** A selected entry: its cursor (for paging) and the post to show. */
    record Entry(long cursor, long postId) {}

    /** Pushes a post into the home feeds of its author's followers (unless too many), tag followers and the author. */
    void fanOut(
            long networkId,
            long entryId,
            long postId,
            long authorId,
            boolean companyWide,
            List<String> tags,
            int fanOutLimit);

    void backfill(long networkId, long followerId, long followeeId, int count);

    void removeAuthor(long followerId, long authorId);

    void removeEntries(List<Long> entryIds);

    int trim(int capacity);

    List<Entry> home(Viewer viewer, PageRequest page, int fanOutLimit);

    /** Of the candidates, those whose home feed shows the post (see {@link FindHomeReaders}). */
    Set<Long> homeReaders(long networkId, long postId, Collection<Long> candidates, int fanOutLimit);

    List<Entry> company(Viewer viewer, PageRequest page);

    List<Entry> tag(Viewer viewer, String tag, PageRequest page);

    List<Entry> profile(
            Viewer viewer, long accountId, boolean excludeReplies, boolean excludeReblogs, PageRequest page);

    List<Entry> mentions(Viewer viewer, PageRequest page);

    List<Entry> likes(Viewer viewer, PageRequest page);

    List<Entry> bookmarks(Viewer viewer, PageRequest page);

    List<Long> ancestors(Viewer viewer, long postId);

    List<Long> descendants(Viewer viewer, long postId);
}
