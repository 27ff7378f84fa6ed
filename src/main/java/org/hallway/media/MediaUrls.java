package org.hallway.media;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hallway.identity.SigningKey;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * Paths of media files, one per reader. Apps load images without their token, so a path names the
 * reader it was made for and carries an HMAC of (media, reader, network): it works without sign-in,
 * cannot be guessed or turned into another reader's, and each request is still checked against the
 * audience of the post as that reader (a reader who loses access to the post loses the image).
 */
@Component
public class MediaUrls {
    private final byte[] key;

    MediaUrls(SigningKey signingKey) {
        this.key = signingKey.derive("media");
    }

    public String original(Viewer reader, Media media) {
        return base(reader, media) + "/original." + media.extension();
    }

    /** The preview's path; null for audio, which has none. */
    public @org.jspecify.annotations.Nullable String small(Viewer reader, Media media) {
        var extension = media.smallExtension();
        return extension == null ? null : base(reader, media) + "/small." + extension;
    }

    private String base(Viewer reader, Media media) {
        return "/media/" + media.id() + "/" + reader.accountId() + "/"
                + signature(media.id(), reader.accountId(), reader.networkId());
    }

    private static final java.util.regex.Pattern SHARED =
            java.util.regex.Pattern.compile("/media/(\\d+)/0/[A-Za-z0-9_-]{22}/");

    /**
     * Rewrites the paths made for reader 0 (a status rendered once for every open stream) into this
     * reader's own, in rendered JSON.
     */
    public String forReader(String rendered, Viewer reader) {
        if (!rendered.contains("/media/")) return rendered;
        return SHARED.matcher(rendered).replaceAll(r -> {
            long id = Long.parseLong(r.group(1));
            return java.util.regex.Matcher.quoteReplacement("/media/" + id + "/" + reader.accountId() + "/"
                    + signature(id, reader.accountId(), reader.networkId()) + "/");
        });
    }

    public boolean valid(long mediaId, long readerId, long networkId, String signature) {
        return MessageDigest.isEqual(
                signature(mediaId, readerId, networkId).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(long mediaId, long readerId, long networkId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal((mediaId + ":" + readerId + ":" + networkId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
