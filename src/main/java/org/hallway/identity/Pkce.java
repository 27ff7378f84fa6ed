package org.hallway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Proof Key for Code Exchange (RFC 7636), S256 only: the verifier must hash to the challenge. */
final class Pkce {
    private Pkce() {}

    static boolean matches(@Nullable String verifier, String challenge) {
        // RFC 7636 4.1: 43 to 128 unreserved characters.
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) return false;
        var computed = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Secrets.hash(verifier))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
