package org.hallway.shared;

/**
 * Input that breaks a rule; the message is safe to show to the user. {@code field} names the input
 * the message belongs next to in a form, or is null.
 */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidInputException(String message) {
        this(null, message);
    }

    public String field() {
        return field;
    }
}
