package org.hallway.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;

/** What the values of profile fields must look like, by type; returns the value as it is stored. */
final class ProfileValues {
    static final int MAX_TEXT = 255;
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{3,40}");

    private ProfileValues() {}

    static String phone(String raw) {
        var v = raw.strip();
        if (!v.isEmpty() && !PHONE.matcher(v).matches()) {
            throw new InvalidInputException("phone", "Phone may hold only digits, spaces and + ( ) . / -");
        }
        return v;
    }

    /** An empty value clears the field; the key of the error is the definition's form field. */
    static String typed(ProfileFieldDefinition d, String raw, long networkId, AccountStore accounts) {
        var v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) return "";
        var field = d.param();
        return switch (d.type()) {
            case TEXT -> {
                if (v.codePointCount(0, v.length()) > MAX_TEXT) {
                    throw new InvalidInputException(field, d.name() + " is too long (at most 255 characters)");
                }
                yield v;
            }
            case LINK -> {
                if (!isWebLink(v)) {
                    throw new InvalidInputException(
                            field, d.name() + " must be a link starting with http:// or https://");
                }
                yield v;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(field, d.name() + " must be a date like 2024-03-31");
                }
            }
            case PERSON -> {
                var username = v.replaceFirst("^@", "");
                var person = accounts.findByUsername(networkId, username)
                        .filter(a -> a.active())
                        .orElseThrow(() -> new InvalidInputException(
                                field, d.name() + ": no colleague has the username @" + username));
                yield Long.toString(person.id());
            }
            case CHOICE -> d.choices().stream()
                    .filter(c -> c.equalsIgnoreCase(v))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            field, d.name() + " must be one of: " + String.join(", ", d.choices())));
        };
    }

    static boolean isWebLink(String v) {
        if (v.length() > 2000) return false;
        try {
            var uri = new URI(v);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
