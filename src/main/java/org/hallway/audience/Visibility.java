package org.hallway.audience;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see a post. A post is visible to a colleague of the same network when it is company-wide
 * ({@code public}, {@code unlisted}), when they wrote it, when it is followers-only and they follow
 * its author, or when it mentions them. A repost is visible when its original is. Deleted posts are
 * visible to nobody. Anything invisible answers exactly like anything absent: 404.
 */
@Component
public class Visibility {
    private final JdbcClient jdbc;

    public Visibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The SQL condition under which the post row aliased {@code p} is visible to the viewer bound as
     * the named parameters {@code :viewer} and {@code :network}. Feed queries embed it, so the audience
     * check is part of the query (a page is never short because of it, and nothing leaks in counts).
     */
    public static String visibleTo(String p) {
        return visibleTo(p, ":viewer");
    }

    /**
     * The same condition for a viewer given as an SQL expression (a column, when many readers are
     * checked at once), still with the network bound as {@code :network}.
     */
    public static String visibleTo(String p, String viewer) {
        return rule(p, viewer, true);
    }

    private static String rule(String p, String viewer, boolean liveOnly) {
        return "(" + p + ".network_id = :network and " + (liveOnly ? p + ".deleted_at is null and " : "") + "("
                + p + ".visibility in ('public', 'unlisted') or " + p + ".author_id = " + viewer
                + " or exists (select 1 from follows vf where vf.follower_id = " + viewer + " and vf.followee_id = "
                + p + ".author_id)"
                + " or exists (select 1 from post_mentions vm where vm.post_id = " + p
                + ".id and vm.account_id = " + viewer + ")))";
    }

    /**
     * Of the given colleagues, those who may see the post now: live delivery asks this at the moment
     * of delivery, for all open connections at once.
     */
    public Set<Long> readersAmong(long networkId, long postId, Collection<Long> accountIds) {
        return among(networkId, postId, accountIds, true);
    }

    /**
     * Of the given colleagues, those who could see the post before it was deleted, so that the news
     * of a deletion reaches only readers who may have had the post.
     */
    public Set<Long> formerReadersAmong(long networkId, long postId, Collection<Long> accountIds) {
        return among(networkId, postId, accountIds, false);
    }

    private Set<Long> among(long networkId, long postId, Collection<Long> accountIds, boolean liveOnly) {
        if (accountIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select v.id from unnest(cast(:accounts as bigint[])) as v(id)"
                        + " join posts p on p.id = :post where " + rule("p", "v.id", liveOnly)
                        + " and (p.reblog_of_id is null or exists (select 1 from posts o where o.id = p.reblog_of_id and "
                        + rule("o", "v.id", liveOnly) + "))")
                .param("accounts", accountIds.toArray(Long[]::new))
                .param("post", postId)
                .param("network", networkId)
                .query(Long.class)
                .list());
    }

    public boolean canSee(Viewer viewer, long postId) {
        return jdbc.sql("select exists (select 1 from posts p where p.id = :post and " + visibleTo("p")
                        + " and (p.reblog_of_id is null or exists (select 1 from posts o where o.id = p.reblog_of_id and "
                        + visibleTo("o") + ")))")
                .param("post", postId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Boolean.class)
                .single();
    }

    /** Throws the same "not found" for a post that is absent, deleted or outside the viewer's audience. */
    public void requireVisible(Viewer viewer, long postId) {
        if (!canSee(viewer, postId)) throw NotFoundException.record();
    }
}
