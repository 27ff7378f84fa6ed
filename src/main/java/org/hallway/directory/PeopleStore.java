package org.hallway.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Port: queries over colleagues for the org chart, the directory and people search; answers account ids. */
public interface PeopleStore {
    /** The person's managers, nearest first, up to the top (a cycle in the data stops the walk). */
    List<Long> managerChain(long networkId, long accountId);

    /** Active colleagues who report to the manager, by name. */
    List<Long> reports(long networkId, long managerId);

    /**
     * The leads of a department: its active members with reports of their own whose manager is not in
     * the same department.
     */
    List<Long> departmentLeads(long networkId, String department);

    /** Active colleagues matching every filter given, in the order asked, one page at a time. */
    List<Long> directory(long networkId, DirectoryFilter filter, int offset, int limit);

    record DirectoryFilter(
            @Nullable String department,
            @Nullable String location,
            @Nullable String title,
            @Nullable String skill,
            Order order) {}

    enum Order {
        ACTIVE,
        NEW,
        NAME
    }

    /**
     * As-you-type search: the query is a prefix of the name (or of a word in it), the handle, the
     * title, the department or a skill. Exact name or handle first, then name prefixes, then the rest.
     */
    List<Long> search(long networkId, String query, @Nullable Long followedBy, int offset, int limit);
}
