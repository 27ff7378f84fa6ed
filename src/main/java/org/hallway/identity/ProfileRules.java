package org.hallway.identity;

import java.util.regex.Pattern;
import org.hallway.shared.InvalidInputException;

/** What a username, e-mail, password and the profile texts must look like. */
final class ProfileRules {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 8;

    private ProfileRules() {}

    static String username(String value) {
        var v = value == null ? "" : value.strip();
        if (!USERNAME.matcher(v).matches()) {
            throw new InvalidInputException("username", "Username must be 1 to 30 letters, digits or underscores");
        }
        return v;
    }

    static String email(String value) {
        var v = value == null ? "" : value.strip();
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            throw new InvalidInputException("email", "E-mail address is not valid");
        }
        return v;
    }

    static String password(String value) {
        if (value == null || value.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "Password must have at least " + MIN_PASSWORD + " characters");
        }
        if (value.length() > 128) throw new InvalidInputException("password", "Password is too long");
        return value;
    }

    static String text(String field, String value, int max, boolean required) {
        var v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new InvalidInputException(field, label(field) + " can't be blank");
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidInputException(field, label(field) + " is too long (at most " + max + " characters)");
        }
        return v;
    }

    private static String label(String field) {
        var s = field.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
