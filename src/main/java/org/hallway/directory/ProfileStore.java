package org.hallway.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the parts of profiles the directory module keeps, and the administrator's field definitions. */
public interface ProfileStore {
    ColleagueProfile find(long networkId, long accountId);

    Map<Long, ColleagueProfile> findAll(long networkId, Collection<Long> accountIds);

    void savePhone(long networkId, long accountId, String phone);

    void saveFields(long networkId, long accountId, List<ColleagueProfile.Field> fields);

    void saveSkills(long networkId, long accountId, List<String> skills);

    /** Replaces the values of the given definitions; an empty value removes it. */
    void saveValues(long networkId, long accountId, Map<Long, String> values);

    List<ProfileFieldDefinition> definitions(long networkId);

    Optional<ProfileFieldDefinition> definition(long networkId, long id);

    void insertDefinition(ProfileFieldDefinition definition, java.time.Instant at);

    void deleteDefinition(long networkId, long id);
}
