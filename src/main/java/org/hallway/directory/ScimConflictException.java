package org.hallway.directory;

/** What the identity provider sent clashes with a colleague or group that exists (SCIM 409 uniqueness). */
public class ScimConflictException extends RuntimeException {
    public ScimConflictException(String message) {
        super(message);
    }
}
