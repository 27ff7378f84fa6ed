package org.hallway.timeline.jdbc;

import static org.hallway.audience.Visibility.visibleTo;
import static org.hallway.follow.MutesAndBlocks.postNotHidden;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hallway.audience.AudienceChanges;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.FeedList;
import org.hallway.timeline.FeedStore;
import org.hallway.timeline.ListStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcListStore implements ListStore {
    private final JdbcClient jdbc;
    private final AudienceChanges audience;

    JdbcListStore(JdbcClient jdbc, AudienceChanges audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public void insert(FeedList list) {
        jdbc.sql(
                        """
            insert into lists (id, network_id, account_id, title, replies_policy, exclusive, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        list.id(),
                        list.networkId(),
                        list.accountId(),
                        list.title(),
                        list.repliesPolicy(),
                        list.exclusive(),
                        Timestamp.from(list.createdAt()))
                .update();
    }

    @Override
    public void update(FeedList list) {
        // An exclusive list's members are read in the list, not in its owner's home feed.
        audience.changedFor(list.accountId());
        jdbc.sql("update lists set title = ?, replies_policy = ?, exclusive = ? where id = ? and account_id = ?")
                .params(list.title(), list.repliesPolicy(), list.exclusive(), list.id(), list.accountId())
                .update();
    }

    @Override
    public void delete(long listId) {
        changedForOwnerOf(listId);
        jdbc.sql("delete from lists where id = ?").param(listId).update();
    }

    private void changedForOwnerOf(long listId) {
        jdbc.sql("select account_id from lists where id = ?")
                .param(listId)
                .query(Long.class)
                .optional()
                .ifPresent(audience::changedFor);
    }

    @Override
    public Optional<FeedList> find(long accountId, long listId) {
        return jdbc.sql("select * from lists where id = ? and account_id = ?")
                .params(listId, accountId)
                .query(JdbcListStore::map)
                .optional();
    }

    @Override
    public List<FeedList> ofAccount(long accountId) {
        return jdbc.sql("select * from lists where account_id = ? order by lower(title), id")
                .param(accountId)
                .query(JdbcListStore::map)
                .list();
    }

    @Override
    public List<FeedList> containing(long accountId, long memberId) {
        return jdbc.sql(
                        """
            select l.* from lists l join list_members m on m.list_id = l.id
            where l.account_id = ? and m.account_id = ? order by lower(l.title), l.id""")
                .params(accountId, memberId)
                .query(JdbcListStore::map)
                .list();
    }

    @Override
    public List<Long> members(long listId) {
        return jdbc.sql("select account_id from list_members where list_id = ? order by created_at, account_id")
                .param(listId)
                .query(Long.class)
                .list();
    }

    @Override
    public void addMembers(long networkId, long listId, Collection<Long> accountIds) {
        changedForOwnerOf(listId);
        jdbc.sql(
                        """
            insert into list_members (list_id, account_id, network_id, created_at)
            select ?, unnest(?::bigint[]), ?, now() on conflict do nothing""")
                .params(listId, accountIds.toArray(Long[]::new), networkId)
                .update();
    }

    @Override
    public void removeMembers(long listId, Collection<Long> accountIds) {
        changedForOwnerOf(listId);
        jdbc.sql("delete from list_members where list_id = ? and account_id = any(?)")
                .params(listId, accountIds.toArray(Long[]::new))
                .update();
    }

    @Override
    public void removeFromListsOf(long ownerId, long memberId) {
        audience.changedFor(ownerId);
        jdbc.sql(
                        """
            delete from list_members m using lists l
            where l.id = m.list_id and l.account_id = ? and m.account_id = ?""")
                .params(ownerId, memberId)
                .update();
    }

    @Override
    public List<FeedStore.Entry> feed(Viewer viewer, FeedList list, PageRequest page) {
        var replies =
                switch (list.repliesPolicy()) {
                    case "none" -> "";
                    case "followed" -> " or p.in_reply_to_account_id = :viewer or exists (select 1 from follows rf"
                            + " where rf.follower_id = :viewer and rf.followee_id = p.in_reply_to_account_id)";
                    default -> " or p.in_reply_to_account_id in (select rm.account_id from list_members rm where rm.list_id = :list)";
                };
        var order = page.ascending() ? "asc" : "desc";
        var entries = jdbc.sql("select p.id from posts p join list_members m on m.account_id = p.author_id"
                        + " where m.list_id = :list and p.id < :max and p.id > :min and "
                        + visibleTo("p") + " and " + postNotHidden("p")
                        + " and (p.in_reply_to_id is null or p.in_reply_to_account_id = p.author_id" + replies + ")"
                        + " order by p.id " + order + " limit :pageSize")
                .param("list", list.id())
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("pageSize", page.limit())
                .query((rs, n) -> new FeedStore.Entry(rs.getLong(1), rs.getLong(1)))
                .list();
        return page.ascending() ? entries.reversed() : entries;
    }

    private static FeedList map(ResultSet rs, int row) throws SQLException {
        return new FeedList(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("account_id"),
                rs.getString("title"),
                rs.getString("replies_policy"),
                rs.getBoolean("exclusive"),
                rs.getTimestamp("created_at").toInstant());
    }
}
