package org.hallway.shared;

/** The asker may see the thing but may not do this to it (edit someone else's post). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
