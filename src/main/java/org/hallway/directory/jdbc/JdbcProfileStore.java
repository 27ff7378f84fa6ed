package org.hallway.directory.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.directory.ColleagueProfile;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.ProfileStore;
import org.hallway.shared.KeyCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProfileStore implements ProfileStore {
    private final JdbcClient jdbc;

    JdbcProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ColleagueProfile find(long networkId, long accountId) {
        return findAll(networkId, List.of(accountId)).getOrDefault(accountId, ColleagueProfile.empty(accountId));
    }

    @Override
    public Map<Long, ColleagueProfile> findAll(long networkId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Map.of();
        // One round trip: every page of accounts (timelines included) shows these.
        var result = new HashMap<Long, ColleagueProfile>();
        var keys = KeyCondition.of("a.id", accountIds);
        jdbc.sql(
                        """
            select a.id, a.phone, a.directory_source,
                   array(select f.name from profile_fields f where f.account_id = a.id order by f.position) as field_names,
                   array(select f.value from profile_fields f where f.account_id = a.id order by f.position) as field_values,
                   array(select k.skill from profile_skills k where k.account_id = a.id order by k.position) as skills,
                   array(select v.definition_id from profile_field_values v where v.account_id = a.id
                         order by v.definition_id) as definition_ids,
                   array(select v.value from profile_field_values v where v.account_id = a.id
                         order by v.definition_id) as definition_values
            from accounts a where a.network_id = ? and\s"""
                                + keys.sql())
                .params(networkId, keys.parameter())
                .query(rs -> {
                    var names = (String[]) rs.getArray("field_names").getArray();
                    var texts = (String[]) rs.getArray("field_values").getArray();
                    var fields = new ArrayList<ColleagueProfile.Field>(names.length);
                    for (int i = 0; i < names.length; i++) fields.add(new ColleagueProfile.Field(names[i], texts[i]));
                    var definitionIds = (Long[]) rs.getArray("definition_ids").getArray();
                    var definitionValues =
                            (String[]) rs.getArray("definition_values").getArray();
                    var values = new HashMap<Long, String>();
                    for (int i = 0; i < definitionIds.length; i++) values.put(definitionIds[i], definitionValues[i]);
                    long id = rs.getLong("id");
                    result.put(
                            id,
                            new ColleagueProfile(
                                    id,
                                    rs.getString("phone"),
                                    rs.getString("directory_source"),
                                    List.copyOf(fields),
                                    List.of((String[]) rs.getArray("skills").getArray()),
                                    Map.copyOf(values)));
                });
        return result;
    }

    @Override
    public void savePhone(long networkId, long accountId, String phone) {
        jdbc.sql("update accounts set phone = ?, updated_at = now() where network_id = ? and id = ?")
                .params(phone, networkId, accountId)
                .update();
    }

    @Override
    public void saveFields(long networkId, long accountId, List<ColleagueProfile.Field> fields) {
        jdbc.sql("delete from profile_fields where network_id = ? and account_id = ?")
                .params(networkId, accountId)
                .update();
        for (int i = 0; i < fields.size(); i++) {
            var f = fields.get(i);
            jdbc.sql(
                            "insert into profile_fields (account_id, network_id, position, name, value) values (?, ?, ?, ?, ?)")
                    .params(accountId, networkId, i, f.name(), f.value())
                    .update();
        }
    }

    @Override
    public void saveSkills(long networkId, long accountId, List<String> skills) {
        jdbc.sql("delete from profile_skills where network_id = ? and account_id = ?")
                .params(networkId, accountId)
                .update();
        for (int i = 0; i < skills.size(); i++) {
            jdbc.sql("insert into profile_skills (account_id, network_id, skill, position) values (?, ?, ?, ?)")
                    .params(accountId, networkId, skills.get(i), i)
                    .update();
        }
    }

    @Override
    public void saveValues(long networkId, long accountId, Map<Long, String> values) {
        values.forEach((definitionId, value) -> {
            if (value.isEmpty()) {
                jdbc.sql(
                                "delete from profile_field_values where network_id = ? and account_id = ? and definition_id = ?")
                        .params(networkId, accountId, definitionId)
                        .update();
            } else {
                jdbc.sql(
                                """
                    insert into profile_field_values (account_id, definition_id, network_id, value)
                    values (?, ?, ?, ?)
                    on conflict (account_id, definition_id) do update set value = excluded.value""")
                        .params(accountId, definitionId, networkId, value)
                        .update();
            }
        });
    }

    @Override
    public List<ProfileFieldDefinition> definitions(long networkId) {
        return jdbc.sql("select id, network_id, name, type, choices, directory_fed, position"
                        + " from profile_field_definitions where network_id = ? order by position, id")
                .param(networkId)
                .query(JdbcProfileStore::definition)
                .list();
    }

    @Override
    public Optional<ProfileFieldDefinition> definition(long networkId, long id) {
        return jdbc.sql("select id, network_id, name, type, choices, directory_fed, position"
                        + " from profile_field_definitions where network_id = ? and id = ?")
                .params(networkId, id)
                .query(JdbcProfileStore::definition)
                .optional();
    }

    @Override
    public void insertDefinition(ProfileFieldDefinition d, Instant at) {
        jdbc.sql(
                        """
            insert into profile_field_definitions (id, network_id, name, type, choices, directory_fed, position, created_at)
            values (?, ?, ?, ?, ?, ?,
              (select coalesce(max(position) + 1, 0) from profile_field_definitions where network_id = ?), ?)""")
                .params(
                        d.id(),
                        d.networkId(),
                        d.name(),
                        d.type().code(),
                        d.choices().toArray(String[]::new),
                        d.directoryFed(),
                        d.networkId(),
                        Timestamp.from(at))
                .update();
    }

    @Override
    public void deleteDefinition(long networkId, long id) {
        jdbc.sql("delete from profile_field_definitions where network_id = ? and id = ?")
                .params(networkId, id)
                .update();
    }

    private static ProfileFieldDefinition definition(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var choices = (String[]) rs.getArray("choices").getArray();
        return new ProfileFieldDefinition(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("name"),
                ProfileFieldDefinition.Type.of(rs.getString("type")),
                List.copyOf(Arrays.asList(choices)),
                rs.getBoolean("directory_fed"),
                rs.getInt("position"));
    }
}
