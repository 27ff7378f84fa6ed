package org.hallway.notify;

import java.util.List;
import org.hallway.shared.Viewer;

/** Port: what a digest picks besides notifications; every query checks the reader's audience. */
public interface DigestSource {
    /** Posts of colleagues and with hashtags the reader follows, newer than {@code sinceId}, most reacted-to first. */
    List<Long> fromFollowed(Viewer reader, long sinceId, int limit);

    /** Company-wide posts with reactions by others of the reader's department, most reacted-to first. */
    List<Long> popularInDepartment(Viewer reader, String department, long sinceId, int limit);
}
