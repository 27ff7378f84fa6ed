package org.hallway.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hallway.identity.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Links in mails, which are read outside any request: absolute (HALLWAY_PUBLIC_URL, else this server's
 * local address), and unsubscribe links carrying a signed token naming the colleague and the mail type,
 * so that they work without signing in and cannot be made up for someone else.
 */
@Component
public class MailLinks {
    /** RFC 8058: the mail's unsubscribe link takes a POST of this body from the mail program, no sign-in. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    /** The kind of mail that is not about one notification type. */
    public static final String DIGEST = "digest";

    /** Who an unsubscribe token is for, and which mails it stops: a notification type's code, or the digest. */
    public record Subscription(long networkId, long accountId, String kind) {
        /** For sentences: "mentions", "the digest". */
        public String label() {
            if (kind.equals(DIGEST)) return "the digest";
            return NotificationType.of(kind)
                    .map(t -> t.label().toLowerCase(java.util.Locale.ROOT))
                    .orElse(kind);
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;
    private final String configured;
    private final Environment environment;

    MailLinks(SigningKey signing, @Value("${hallway.public-url:}") String configured, Environment environment) {
        this.key = signing.derive("mail-unsubscribe");
        this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
        this.environment = environment;
    }

    public String base() {
        if (!configured.isEmpty()) return configured;
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    public String post(String username, long postId) {
        return base() + "/@" + username + "/" + postId;
    }

    public String unsubscribe(long networkId, long accountId, String kind) {
        var payload = networkId + "." + accountId + "." + kind;
        return base() + "/mail/unsubscribe?token=" + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + sign(payload);
    }

    public Optional<Subscription> verify(String token) {
        if (token == null) return Optional.empty();
        var dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        try {
            var payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            var expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)))
                return Optional.empty();
            var parts = payload.split("\\.", 3);
            if (!parts[2].equals(DIGEST) && NotificationType.of(parts[2]).isEmpty()) return Optional.empty();
            return Optional.of(new Subscription(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
