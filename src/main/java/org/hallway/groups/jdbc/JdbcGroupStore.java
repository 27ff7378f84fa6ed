package org.hallway.groups.jdbc;

import static org.hallway.audience.Visibility.groupVisibleTo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.audience.AudienceChanges;
import org.hallway.groups.Group;
import org.hallway.groups.GroupPrivacy;
import org.hallway.groups.GroupStore;
import org.hallway.groups.Member;
import org.hallway.groups.Membership;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcGroupStore implements GroupStore {
    private static final String SELECT =
            "select g.*, (select count(*) from group_members c where c.group_id = g.id) as members_count from groups g";

    private final JdbcClient jdbc;
    private final AudienceChanges audience;

    JdbcGroupStore(JdbcClient jdbc, AudienceChanges audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public void insert(Group g) {
        jdbc.sql(
                        """
            insert into groups (id, network_id, name, description, privacy, created_by, directory_group_id,
              created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        g.id(),
                        g.networkId(),
                        g.name(),
                        g.description(),
                        g.privacy().code(),
                        g.createdBy(),
                        g.directoryGroupId(),
                        Timestamp.from(g.createdAt()),
                        Timestamp.from(g.updatedAt()))
                .update();
    }

    @Override
    public void update(Group g) {
        // A public group's posts are visible to every colleague, another group's to its members only.
        audience.changedForEveryone();
        jdbc.sql("update groups set name = ?, description = ?, privacy = ?, updated_at = ? where id = ?")
                .params(g.name(), g.description(), g.privacy().code(), Timestamp.from(g.updatedAt()), g.id())
                .update();
    }

    @Override
    public void archive(long groupId, Instant at) {
        jdbc.sql("update groups set archived_at = ?, updated_at = ? where id = ? and archived_at is null")
                .params(Timestamp.from(at), Timestamp.from(at), groupId)
                .update();
    }

    @Override
    public Optional<Group> find(long networkId, long id) {
        return jdbc.sql(SELECT + " where g.network_id = ? and g.id = ?")
                .params(networkId, id)
                .query(JdbcGroupStore::map)
                .optional();
    }

    @Override
    public List<Group> listVisible(Viewer viewer, boolean mine, int limit) {
        return jdbc.sql(SELECT + " where g.archived_at is null and " + groupVisibleTo("g")
                        + (mine
                                ? " and exists (select 1 from group_members m where m.group_id = g.id and m.account_id = :viewer)"
                                : "")
                        + " order by lower(g.name), g.id limit :limit")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .param("limit", limit)
                .query(JdbcGroupStore::map)
                .list();
    }

    @Override
    public Membership membership(long groupId, long accountId) {
        return memberships(accountId, List.of(groupId)).getOrDefault(groupId, Membership.NONE);
    }

    @Override
    public Map<Long, Membership> memberships(long accountId, Collection<Long> groupIds) {
        if (groupIds.isEmpty()) return Map.of();
        var result = new HashMap<Long, Membership>();
        jdbc.sql(
                        """
            select g.id, m.role, r.account_id is not null as requested from unnest(?) as g(id)
            left join group_members m on m.group_id = g.id and m.account_id = ?
            left join group_requests r on r.group_id = g.id and r.account_id = ?""")
                .params(groupIds.toArray(Long[]::new), accountId, accountId)
                .query(rs -> {
                    var role = rs.getString(2);
                    result.put(
                            rs.getLong(1),
                            new Membership(role == null ? null : Member.Role.of(role), rs.getBoolean(3)));
                });
        return result;
    }

    @Override
    public boolean putMember(long networkId, long groupId, long accountId, Member.Role role, Instant at) {
        // xmax = 0 only for a freshly inserted row: tells a new member from a changed role in one statement.
        audience.changedFor(accountId);
        return jdbc.sql(
                        """
            insert into group_members (group_id, account_id, network_id, role, created_at) values (?, ?, ?, ?, ?)
            on conflict (group_id, account_id) do update set role = excluded.role
            returning (xmax = 0)""")
                .params(groupId, accountId, networkId, role.code(), Timestamp.from(at))
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean removeMember(long groupId, long accountId) {
        audience.changedFor(accountId);
        return jdbc.sql("delete from group_members where group_id = ? and account_id = ?")
                        .params(groupId, accountId)
                        .update()
                > 0;
    }

    @Override
    public List<Member> members(long groupId, int limit) {
        return jdbc.sql(
                        """
            select m.* from group_members m join accounts a on a.id = m.account_id
            where m.group_id = ? order by m.role = 'admin' desc, lower(a.display_name), a.id limit ?""")
                .params(groupId, limit)
                .query((rs, n) -> new Member(
                        rs.getLong("group_id"),
                        rs.getLong("account_id"),
                        Member.Role.of(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public int countAdmins(long groupId) {
        return jdbc.sql("select count(*) from group_members where group_id = ? and role = 'admin'")
                .param(groupId)
                .query(Integer.class)
                .single();
    }

    @Override
    public boolean addRequest(long networkId, long groupId, long accountId, Instant at) {
        return jdbc.sql(
                                """
            insert into group_requests (group_id, account_id, network_id, created_at) values (?, ?, ?, ?)
            on conflict do nothing""")
                        .params(groupId, accountId, networkId, Timestamp.from(at))
                        .update()
                > 0;
    }

    @Override
    public boolean removeRequest(long groupId, long accountId) {
        return jdbc.sql("delete from group_requests where group_id = ? and account_id = ?")
                        .params(groupId, accountId)
                        .update()
                > 0;
    }

    @Override
    public boolean pin(long networkId, long groupId, long postId, Instant at) {
        // The post's group is checked in the same statement: only the group's own posts can be pinned.
        return jdbc.sql(
                        """
            insert into group_pins (group_id, post_id, network_id, created_at)
            select ?, p.id, ?, ? from posts p
            where p.id = ? and p.group_id = ? and p.deleted_at is null and p.reblog_of_id is null
            on conflict (group_id, post_id) do update set created_at = group_pins.created_at
            returning true""")
                .params(groupId, networkId, Timestamp.from(at), postId, groupId)
                .query(Boolean.class)
                .optional()
                .isPresent();
    }

    @Override
    public boolean unpin(long groupId, long postId) {
        return jdbc.sql("delete from group_pins where group_id = ? and post_id = ?")
                        .params(groupId, postId)
                        .update()
                > 0;
    }

    @Override
    public List<JoinRequest> requests(long groupId, int limit) {
        return jdbc.sql("select * from group_requests where group_id = ? order by created_at, account_id limit ?")
                .params(groupId, limit)
                .query((rs, n) -> new JoinRequest(
                        rs.getLong("group_id"),
                        rs.getLong("account_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Group map(ResultSet rs, int row) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        var directory = rs.getObject("directory_group_id", Long.class);
        return new Group(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("name"),
                rs.getString("description"),
                GroupPrivacy.of(rs.getString("privacy")),
                rs.getLong("created_by"),
                directory,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                archived == null ? null : archived.toInstant(),
                rs.getInt("members_count"));
    }
}
