/**
 * Filters: a colleague's keywords that warn about or hide posts in chosen contexts (home,
 * notifications, public, thread, account), possibly until a given time. Owns {@code filters} and
 * {@code filter_keywords}. Publishes and consumes no events; feeds ask {@link
 * org.hallway.filters.ApplyFilters} at read time.
 */
package org.hallway.filters;
