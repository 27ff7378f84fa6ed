package org.hallway.filters;

import java.util.List;
import java.util.Optional;

/** Port: colleagues' filters with their keywords. */
public interface FilterStore {
    /** Stores the filter and replaces its keywords with the given ones. */
    void save(Filter filter);

    void delete(long filterId);

    /** The filter, if it belongs to the account (other people's filters are never found). */
    Optional<Filter> find(long accountId, long filterId);

    List<Filter> ofAccount(long accountId);
}
