package org.hallway.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import org.hallway.push.internal.WebPushCrypto;
import org.springframework.stereotype.Component;

/**
 * The server's VAPID key pair (RFC 8292), made once per installation and kept in the database so that
 * every node and every restart signs with the same key: apps subscribe with its public half, and a
 * push service refuses pushes signed by another. Also seals the access tokens pushes carry.
 */
@Component
public class PushServerKeys {
    private final PushSubscriptionStore store;
    private volatile PushSubscriptionStore.ServerKeys keys;

    PushServerKeys(PushSubscriptionStore store) {
        this.store = store;
    }

    /** The public key as apps expect it: base64url of the uncompressed point. */
    public String publicKey() {
        return keys().publicKey();
    }

    PrivateKey privateKey() {
        return WebPushCrypto.decodePrivate(WebPushCrypto.fromBase64(keys().privateKey()));
    }

    String seal(String token) {
        return WebPushCrypto.seal(WebPushCrypto.fromBase64(keys().tokenKey()), token);
    }

    String unseal(String sealed) {
        return WebPushCrypto.unseal(WebPushCrypto.fromBase64(keys().tokenKey()), sealed);
    }

    static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PushSubscriptionStore.ServerKeys keys() {
        var known = keys;
        if (known != null) return known;
        synchronized (this) {
            if (keys == null) {
                var pair = WebPushCrypto.newKeyPair();
                keys = store.keys(new PushSubscriptionStore.ServerKeys(
                        WebPushCrypto.base64Url(WebPushCrypto.encodePoint((ECPublicKey) pair.getPublic())),
                        WebPushCrypto.base64Url(pair.getPrivate().getEncoded()),
                        WebPushCrypto.base64Url(WebPushCrypto.random(16))));
            }
            return keys;
        }
    }
}
