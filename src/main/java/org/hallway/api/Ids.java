package org.hallway.api;

import org.hallway.shared.NotFoundException;

/** Ids in paths: anything that is not a number cannot name a record, so it is simply not found. */
final class Ids {
    private Ids() {}

    static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw NotFoundException.record();
        }
    }
}
