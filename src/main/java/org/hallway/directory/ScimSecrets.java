package org.hallway.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Provisioning token secrets: 32 random bytes as unpadded base64url, stored only as their SHA-256. */
final class ScimSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScimSecrets() {}

    static String token() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
