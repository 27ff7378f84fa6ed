package org.hallway.notify;

import java.util.List;
import java.util.Map;

/**
 * Port: what a digest picks besides notifications, for a batch of readers of one network at once (one
 * round trip per section, however many readers); every query checks each reader's own audience.
 */
public interface DigestSource {
    /** One reader of a batch: the post id their digest starts after, and their department ("" for none). */
    record Reader(long accountId, long sinceId, String department) {}

    /**
     * For each reader: posts of colleagues and with hashtags they follow, newer than their {@code sinceId},
     * most reacted-to first, at most {@code limit}. Readers with nothing are absent from the map.
     */
    Map<Long, List<Long>> fromFollowed(long networkId, List<Reader> readers, int limit);

    /**
     * For each reader with a department: company-wide posts by others of it, newer than their
     * {@code sinceId}, with reactions, most reacted-to first, at most {@code limit}.
     */
    Map<Long, List<Long>> popularInDepartment(long networkId, List<Reader> readers, int limit);
}
