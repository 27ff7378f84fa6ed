package org.hallway.push.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push with the JDK's own ECDH, HMAC (HKDF), AES-GCM and ECDSA (ADR 0032): message encryption as
 * RFC 8291 prescribes ({@code aes128gcm}, RFC 8188, one record), the older {@code aesgcm} encoding
 * Mastodon still sends by default, and the VAPID token of RFC 8292.
 */
public final class WebPushCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RECORD_SIZE = 4096;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ECParameterSpec P256 = p256();

    private WebPushCrypto() {}

    public static KeyPair newKeyPair() {
        try {
            var gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as an uncompressed point (65 bytes: 0x04, x, y). */
    public static byte[] encodePoint(ECPublicKey key) {
        var out = new byte[65];
        out[0] = 4;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 33);
        return out;
    }

    /** A P-256 public key from an uncompressed point; an exception when it is not one. */
    public static ECPublicKey decodePoint(byte[] point) {
        if (point.length != 65 || point[0] != 4) throw new IllegalArgumentException("not an uncompressed P-256 point");
        try {
            var x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
            var y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
            return (ECPublicKey)
                    KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    public static PrivateKey decodePrivate(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encrypts {@code plaintext} for a subscriber's key ({@code p256dh}, an uncompressed point) and auth
     * secret: the body of a push message with {@code Content-Encoding: aes128gcm}.
     */
    public static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] authSecret) {
        try {
            var receiver = decodePoint(p256dh);
            var ephemeral = newKeyPair();
            var senderPoint = encodePoint((ECPublicKey) ephemeral.getPublic());
            var agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(receiver, true);
            var ecdhSecret = agreement.generateSecret();

            var prkKey = hmac(authSecret, ecdhSecret);
            var keyInfo =
                    concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, p256dh, senderPoint);
            var ikm = hmac(prkKey, concat(keyInfo, new byte[] {1}));
            var salt = new byte[16];
            RANDOM.nextBytes(salt);
            var prk = hmac(salt, ikm);
            var cek = Arrays.copyOf(hmac(prk, info("Content-Encoding: aes128gcm")), 16);
            var nonce = Arrays.copyOf(hmac(prk, info("Content-Encoding: nonce")), 12);

            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // One record: the content, then the delimiter of the last record (0x02), no padding.
            var ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2}));
            if (ciphertext.length + 86 > RECORD_SIZE) throw new IllegalArgumentException("push message too long");

            var header = ByteBuffer.allocate(16 + 4 + 1 + senderPoint.length);
            header.put(salt).putInt(RECORD_SIZE).put((byte) senderPoint.length).put(senderPoint);
            return concat(header.array(), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encrypt for this subscription", e);
        }
    }

    /**
     * A message in the older {@code aesgcm} encoding (draft-ietf-webpush-encryption-04), which Mastodon
     * sends to subscriptions that did not ask for the standard one and most apps still expect: the body,
     * with the salt for the {@code Encryption} header and the sender's public key for {@code Crypto-Key}.
     */
    public record LegacyMessage(byte[] body, byte[] salt, byte[] senderPublicKey) {}

    public static LegacyMessage encryptLegacy(byte[] plaintext, byte[] p256dh, byte[] authSecret) {
        try {
            var receiver = decodePoint(p256dh);
            var ephemeral = newKeyPair();
            var senderPoint = encodePoint((ECPublicKey) ephemeral.getPublic());
            var agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ephemeral.getPrivate());
            agreement.doPhase(receiver, true);
            var ecdhSecret = agreement.generateSecret();

            var ikm = hmac(hmac(authSecret, ecdhSecret), info("Content-Encoding: auth"));
            var salt = random(16);
            var prk = hmac(salt, ikm);
            var context = concat(
                    "P-256".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {0, 0, 65},
                    p256dh,
                    new byte[] {0, 65},
                    senderPoint);
            var cek = Arrays.copyOf(hmac(prk, legacyInfo("aesgcm", context)), 16);
            var nonce = Arrays.copyOf(hmac(prk, legacyInfo("nonce", context)), 12);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // One record: two bytes of padding length (none), then the content.
            if (plaintext.length + 2 + 16 > RECORD_SIZE) throw new IllegalArgumentException("push message too long");
            var body = cipher.doFinal(concat(new byte[] {0, 0}, plaintext));
            return new LegacyMessage(body, salt, senderPoint);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encrypt for this subscription", e);
        }
    }

    /** "Content-Encoding: &lt;type&gt;", a zero byte, the context and the HKDF counter. */
    private static byte[] legacyInfo(String type, byte[] context) {
        return concat(
                ("Content-Encoding: " + type).getBytes(StandardCharsets.US_ASCII), new byte[] {0}, context, new byte[] {
                    1
                });
    }

    /** A VAPID JWT (ES256) for the push service at {@code audience} (its origin), valid until {@code expiresAt}. */
    public static String vapidToken(PrivateKey key, String audience, long expiresAt, String subject) {
        var header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        var claims = B64.encodeToString(
                ("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expiresAt + ",\"sub\":\"" + json(subject) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        try {
            var signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + B64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Url(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /** Decodes base64url or standard base64, padded or not (apps send either). */
    public static byte[] fromBase64(String text) {
        var s = text.strip().replace('+', '-').replace('/', '_').replace("=", "");
        return B64D.decode(s);
    }

    public static byte[] random(int length) {
        var bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** AES-GCM with a random nonce, for secrets kept at rest: base64url of nonce and ciphertext. */
    public static String seal(byte[] key, String text) {
        try {
            var nonce = random(12);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return base64Url(concat(nonce, cipher.doFinal(text.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unseal(byte[] key, String sealed) {
        try {
            var bytes = fromBase64(sealed);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, Arrays.copyOf(bytes, 12)));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] info(String label) {
        return concat(label.getBytes(StandardCharsets.US_ASCII), new byte[] {0, 1});
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        var bytes = value.toByteArray();
        int len = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - len, out, offset + 32 - len, len);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static ECParameterSpec p256() {
        try {
            var params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
