package org.hallway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hallway.shared.Caches;
import org.springframework.stereotype.Component;

/**
 * Avatar image paths. Phone apps load images without sending their token, so avatar URLs carry an
 * HMAC of the account id instead: they work without sign-in, yet cannot be enumerated.
 */
@Component
public class Avatars {
    private final byte[] key;
    /** A signature never changes for a key: every feed card and status needs one, so each is made once. */
    private final Cache<Long, String> signatures =
            Caches.newBuilder().maximumSize(100_000).build();

    Avatars(SigningKey signingKey) {
        this.key = signingKey.derive("avatars");
    }

    public static final String HEADER_PATH = "/avatars/header.png";

    public String path(long accountId) {
        return "/avatars/" + accountId + "/" + signature(accountId) + ".png";
    }

    /** The 96-pixel version, for feeds and lists. */
    public String thumbnailPath(long accountId) {
        return path(accountId) + "?size=96";
    }

    public boolean valid(long accountId, String signature) {
        return MessageDigest.isEqual(
                signature(accountId).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(long accountId) {
        return signatures.get(accountId, this::sign);
    }

    private String sign(long accountId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal(Long.toString(accountId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
