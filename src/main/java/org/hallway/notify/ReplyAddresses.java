package org.hallway.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hallway.identity.SigningKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reply addresses of mails: one per recipient and post, {@code hallway+<token>@domain}, where the
 * token names the recipient, the post and an expiry day, signed with a key derived from the
 * installation's {@link SigningKey}. Only lower-case letters, digits and dashes, because mail servers
 * may change the case of an address's local part; the signature is cut to 80 bits so the address stays
 * within the 64 characters a local part may have (forging it still means guessing 2^80 values online).
 */
@Component
public class ReplyAddresses {
    /** Who may reply to what, until when (the network comes from the sender's account). */
    public record Grant(long accountId, long postId, long expiryDay) {}

    private static final Pattern TOKEN =
            Pattern.compile("([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,6})-([a-z2-7]{16})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final byte[] key;
    private final ImapSettings imap;
    private final Clock clock;

    ReplyAddresses(SigningKey signing, ImapSettings imap, Clock clock) {
        this.key = signing.derive("mail-reply");
        this.imap = imap;
        this.clock = clock;
    }

    public boolean enabled() {
        return imap.enabled();
    }

    /** The address a reply to this mail goes to, or null when Hallway reads no replies. */
    public @Nullable String address(long networkId, long accountId, long postId) {
        if (!imap.enabled()) return null;
        var mailbox = imap.address().strip();
        var at = mailbox.lastIndexOf('@');
        var expiry = clock.instant().plus(imap.replyValidity()).getEpochSecond() / 86_400 + 1;
        var token = Long.toString(accountId, 36) + "-" + Long.toString(postId, 36) + "-" + Long.toString(expiry, 36)
                + "-" + sign(networkId, accountId, postId, expiry);
        return mailbox.substring(0, at) + "+" + token + mailbox.substring(at);
    }

    /** The token in a reply address ({@code hallway+TOKEN@domain}), unchecked; empty when there is none. */
    public static Optional<String> tokenIn(String address) {
        var a = address.strip().toLowerCase(Locale.ROOT);
        var at = a.lastIndexOf('@');
        var plus = a.indexOf('+');
        if (at < 0 || plus < 0 || plus > at) return Optional.empty();
        return Optional.of(a.substring(plus + 1, at));
    }

    /** The grant a token carries when it is well-formed, signed for this network and not expired. */
    public Optional<Grant> verify(long networkId, String token) {
        var m = TOKEN.matcher(token.toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        try {
            var grant = new Grant(
                    Long.parseLong(m.group(1), 36), Long.parseLong(m.group(2), 36), Long.parseLong(m.group(3), 36));
            var expected = sign(networkId, grant.accountId(), grant.postId(), grant.expiryDay());
            if (!MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), m.group(4).getBytes(StandardCharsets.US_ASCII)))
                return Optional.empty();
            if (Instant.ofEpochSecond(grant.expiryDay() * 86_400).isBefore(clock.instant())) return Optional.empty();
            return Optional.of(grant);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The account a token claims to be for, before its signature is checked (to find the network). */
    public static Optional<Long> claimedAccount(String token) {
        var m = TOKEN.matcher(token.toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(m.group(1), 36));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(long networkId, long accountId, long postId, long expiryDay) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal(
                    (networkId + "." + accountId + "." + postId + "." + expiryDay).getBytes(StandardCharsets.UTF_8));
            var out = new StringBuilder(16);
            // 16 base32 characters = the first 80 bits of the digest.
            long bits = 0;
            int have = 0;
            for (int i = 0; out.length() < 16; ) {
                if (have < 5) {
                    bits = (bits << 8) | (digest[i++] & 0xff);
                    have += 8;
                }
                out.append(BASE32[(int) (bits >>> (have - 5)) & 31]);
                have -= 5;
            }
            return out.toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
