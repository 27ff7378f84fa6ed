package org.hallway.shared;

/** The thing asked for does not exist or the asker may not see it; both answer the same. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException record() {
        return new NotFoundException("Record not found");
    }
}
