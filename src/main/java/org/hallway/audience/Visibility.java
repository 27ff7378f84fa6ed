package org.hallway.audience;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongPredicate;
import org.hallway.shared.Caches;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see a post, and who may see a group. Within one network:
 *
 * <ul>
 *   <li>company-wide posts ({@code public}, {@code unlisted}) are visible to every colleague;
 *   <li>followers-only posts ({@code private}) to the author's followers and the colleagues they mention;
 *   <li>group posts ({@code group}) to the group's members, and for a public group to every colleague;
 *   <li>direct messages ({@code direct}) to the people they mention (their participants) only;
 *   <li>an author always sees their own posts.
 * </ul>
 *
 * Guests (accounts with the role {@code guest}) are not colleagues: they see only the posts of groups
 * they belong to, direct messages addressed to them and their own posts. A mention never widens a
 * group post or a direct message. A repost is visible when its original is (a repost carries its
 * original's audience). Deleted posts are visible to nobody. Anything invisible answers exactly like
 * anything absent: 404.
 *
 * <p>Groups: public and private groups are listed for every colleague; secret groups only for their
 * members; a guest sees only the groups they belong to. People: colleagues see everyone in the
 * network; a guest sees only the members of their groups.
 */
@Component
public class Visibility {
    private final JdbcClient jdbc;

    /**
     * Whether an account is a guest. An account's role is set when it is opened and no use case changes
     * it, so the answer never goes stale; a use case that one day changes roles must forget it here.
     */
    private final Cache<Long, Boolean> guests =
            Caches.newBuilder().maximumSize(100_000).build();

    public Visibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The SQL condition that the viewer bound as {@code :viewer} is a colleague (not a guest). It does not
     * depend on the row, so PostgreSQL evaluates it once per query.
     */
    private static String colleague() {
        return colleague(":viewer");
    }

    private static String colleague(String viewer) {
        return "not exists (select 1 from accounts va where va.id = " + viewer + " and va.role = 'guest')";
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
        var mentioned = "exists (select 1 from post_mentions vm where vm.post_id = " + p + ".id and vm.account_id = "
                + viewer + ")";
        return "(" + p + ".network_id = :network and " + (liveOnly ? p + ".deleted_at is null and " : "") + "("
                + p + ".author_id = " + viewer
                + " or (" + p + ".visibility = 'group' and exists (select 1 from groups vg where vg.id = " + p
                + ".group_id and (exists (select 1 from group_members vgm where vgm.group_id = vg.id"
                + " and vgm.account_id = " + viewer + ") or (vg.privacy = 'public' and " + colleague(viewer) + "))))"
                + " or (" + p + ".visibility = 'direct' and " + mentioned + ")"
                + " or (" + p + ".visibility in ('public', 'unlisted', 'private') and " + colleague(viewer) + " and ("
                + p + ".visibility <> 'private'"
                + " or exists (select 1 from follows vf where vf.follower_id = " + viewer + " and vf.followee_id = "
                + p + ".author_id)"
                + " or " + mentioned + "))))";
    }

    /**
     * The SQL condition under which the group row aliased {@code g} is visible (listed, readable by id)
     * to the viewer bound as {@code :viewer} and {@code :network}.
     */
    public static String groupVisibleTo(String g) {
        return "(" + g + ".network_id = :network and (exists (select 1 from group_members vgm where vgm.group_id = "
                + g + ".id and vgm.account_id = :viewer) or (" + g + ".privacy in ('public', 'private') and "
                + colleague() + ")))";
    }

    /**
     * The SQL condition under which the account row aliased {@code a} is visible to the viewer: every
     * colleague sees everyone in the network; a guest sees only themselves and the members of their groups.
     */
    public static String accountVisibleTo(String a) {
        return "(" + a + ".network_id = :network and (" + a + ".id = :viewer or " + colleague()
                + " or exists (select 1 from group_members vm1 join group_members vm2 on vm2.group_id = vm1.group_id"
                + " where vm1.account_id = :viewer and vm2.account_id = " + a + ".id)))";
    }

    public boolean canSeeAccount(Viewer viewer, long accountId) {
        return jdbc.sql("select exists (select 1 from accounts a where a.id = :account and " + accountVisibleTo("a")
                        + ")")
                .param("account", accountId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Boolean.class)
                .single();
    }

    /** Of the given accounts, those the viewer may see, in one query (guests see only their groups' members). */
    public Set<Long> visibleAccountsAmong(Viewer viewer, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Set.of();
        return new HashSet<>(
                jdbc.sql("select a.id from accounts a where a.id = any(:accounts) and " + accountVisibleTo("a"))
                        .param("accounts", accountIds.toArray(Long[]::new))
                        .param("viewer", viewer.accountId())
                        .param("network", viewer.networkId())
                        .query(Long.class)
                        .list());
    }

    /**
     * Whom the viewer's posts may mention: anyone in the network for a colleague; for a guest only the
     * people they may see, so that a guest's "@name" neither finds nor reaches anyone beyond their groups.
     */
    public java.util.function.LongPredicate mentionableBy(Viewer viewer) {
        // Asked only when the text mentions someone: most posts cost no query here.
        var guest = org.springframework.util.function.SingletonSupplier.of(() -> isGuest(viewer));
        return id -> !guest.obtain() || canSeeAccount(viewer, id);
    }

    /**
     * Which of the people an account or profile names (a manager, a person field) the viewer may see by
     * name: everyone for a colleague, without a query; for a guest only the members of their groups, in
     * one query. Whom a guest may not see is left out, as if not set: neither a link nor a name.
     */
    public LongPredicate mayName(Viewer viewer, Collection<Long> people) {
        if (people.isEmpty() || !isGuest(viewer)) return id -> true;
        var visible = visibleAccountsAmong(viewer, people);
        return visible::contains;
    }

    /** Throws "not found" for an account the viewer may not see (a guest looking beyond their groups). */
    public void requireAccountVisible(Viewer viewer, long accountId) {
        if (!canSeeAccount(viewer, accountId)) throw NotFoundException.record();
    }

    /** The viewer's audience as data: the same rule as {@link #visibleTo(String)}, with its sets loaded. */
    public Audience audienceOf(Viewer viewer) {
        var followees = jdbc.sql(
                        "select followee_id from follows where follower_id = :viewer and network_id = :network")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .set();
        // The groups whose posts the viewer reads: the same condition as the group branch of visibleTo.
        var groups = jdbc.sql("select vg.id from groups vg where vg.network_id = :network and (exists (select 1"
                        + " from group_members vgm where vgm.group_id = vg.id and vgm.account_id = :viewer)"
                        + " or (vg.privacy = 'public' and " + colleague() + "))")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .set();
        boolean colleague = jdbc.sql("select " + colleague())
                .param("viewer", viewer.accountId())
                .query(Boolean.class)
                .single();
        return new Audience(viewer.networkId(), viewer.accountId(), colleague, followees, groups);
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

    public boolean canSeeGroup(Viewer viewer, long groupId) {
        return jdbc.sql("select exists (select 1 from groups g where g.id = :group and " + groupVisibleTo("g") + ")")
                .param("group", groupId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether the viewer reads the group's posts: a member, or a colleague when the group is public (the
     * group branch of {@link #visibleTo(String)}). A private group is listed for colleagues, but its posts are not.
     */
    public boolean canReadGroupPosts(Viewer viewer, long groupId) {
        return jdbc.sql("select exists (select 1 from groups vg where vg.id = :group and vg.network_id = :network"
                        + " and (exists (select 1 from group_members vgm where vgm.group_id = vg.id"
                        + " and vgm.account_id = :viewer) or (vg.privacy = 'public' and " + colleague() + ")))")
                .param("group", groupId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Boolean.class)
                .single();
    }

    /** Throws the same "not found" for a group that is absent or hidden from the viewer (a secret group). */
    public void requireGroupVisible(Viewer viewer, long groupId) {
        if (!canSeeGroup(viewer, groupId)) throw NotFoundException.record();
    }

    /**
     * Notes whether an account is a guest where its role was read anyway (its token's grant), so that a
     * colleague's first request asks the database nothing more for {@link #isGuest}.
     */
    public void knowGuest(long accountId, boolean guest) {
        guests.asMap().putIfAbsent(accountId, guest);
    }

    /** Whether the viewer is a guest: guests see no company feed, no directory and no hashtag feeds. */
    public boolean isGuest(Viewer viewer) {
        return guests.get(viewer.accountId(), id -> jdbc.sql(
                        "select exists (select 1 from accounts where id = :viewer and role = 'guest')")
                .param("viewer", id)
                .query(Boolean.class)
                .single());
    }
}
