package org.hallway.push;

import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service and the browser behind it, as far as a test needs them: each path is one device that
 * subscribed with a P-256 key pair and an auth secret of its own; the service answers each path with a
 * status the test chooses, checks the VAPID signature, and the device decrypts every message
 * (RFC 8291, written here independently of the server's code).
 */
final class PushReceiver implements AutoCloseable {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** One message as the device read it: the JSON text, or null when it could not be decrypted. */
    record Message(
            String path, String authorization, String contentEncoding, String ttl, String json, boolean vapidValid) {}

    record Device(String path, KeyPair keys, byte[] auth) {
        String p256dh() {
            return B64.encodeToString(point((ECPublicKey) keys.getPublic()));
        }

        String authSecret() {
            return B64.encodeToString(auth);
        }
    }

    private final HttpServer server;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    final List<Message> messages = new CopyOnWriteArrayList<>();

    PushReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            var body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            var authorization = headers.getFirst("Authorization");
            var device = devices.get(path);
            String json = null;
            try {
                json = device == null ? null : decrypt(device, body);
            } catch (Exception e) {
                json = null;
            }
            messages.add(new Message(
                    path,
                    authorization,
                    headers.getFirst("Content-Encoding"),
                    headers.getFirst("TTL"),
                    json,
                    vapidValid(authorization, origin())));
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 201), -1);
            exchange.close();
        });
        server.start();
    }

    Device device(String path) throws Exception {
        var gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        var auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        var device = new Device(path, gen.generateKeyPair(), auth);
        devices.put(path, device);
        return device;
    }

    void answer(String path, int status) {
        statuses.put(path, status);
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return origin() + path;
    }

    List<Message> at(String path) {
        return messages.stream().filter(m -> m.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** RFC 8291 from the receiving side: the header names the sender's key and salt; one record. */
    private static String decrypt(Device device, byte[] body) throws Exception {
        var buffer = ByteBuffer.wrap(body);
        var salt = new byte[16];
        buffer.get(salt);
        buffer.getInt(); // record size
        var idLength = buffer.get() & 0xff;
        var senderPoint = new byte[idLength];
        buffer.get(senderPoint);
        var ciphertext = new byte[buffer.remaining()];
        buffer.get(ciphertext);

        var agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(device.keys().getPrivate());
        agreement.doPhase(publicKey(senderPoint), true);
        var ecdh = agreement.generateSecret();
        var receiverPoint = point((ECPublicKey) device.keys().getPublic());

        var prkKey = hmac(device.auth(), ecdh);
        var keyInfo = concat(
                "WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverPoint, senderPoint, new byte[] {1});
        var ikm = hmac(prkKey, keyInfo);
        var prk = hmac(salt, ikm);
        var cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
        var nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        var plain = cipher.doFinal(ciphertext);
        int end = plain.length - 1;
        while (end >= 0 && plain[end] == 0) end--; // padding
        if (end < 0 || plain[end] != 2) throw new IllegalStateException("not the last record");
        return new String(plain, 0, end, StandardCharsets.UTF_8);
    }

    /** Checks {@code vapid t=<jwt>, k=<key>}: an ES256 signature by k, for this origin, not expired. */
    static boolean vapidValid(String authorization, String origin) {
        if (authorization == null || !authorization.startsWith("vapid ")) return false;
        String token = null, key = null;
        for (var part : authorization.substring(6).split(",")) {
            var kv = part.strip().split("=", 2);
            if (kv[0].equals("t")) token = kv[1];
            if (kv[0].equals("k")) key = kv[1];
        }
        if (token == null || key == null) return false;
        try {
            var pieces = token.split("\\.");
            var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(key)));
            verifier.update((pieces[0] + "." + pieces[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(pieces[2]))) return false;
            var claims = new String(Base64.getUrlDecoder().decode(pieces[1]), StandardCharsets.UTF_8);
            return claims.contains("\"aud\":\"" + origin + "\"") && claims.contains("\"sub\":");
        } catch (Exception e) {
            return false;
        }
    }

    static String keyOf(String authorization) {
        for (var part : authorization.substring(6).split(",")) {
            var kv = part.strip().split("=", 2);
            if (kv[0].equals("k")) return kv[1];
        }
        return null;
    }

    private static ECPublicKey publicKey(byte[] point) throws Exception {
        var params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        var spec = params.getParameterSpec(ECParameterSpec.class);
        var x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        var y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    private static byte[] point(ECPublicKey key) {
        var out = new byte[65];
        out[0] = 4;
        var x = key.getW().getAffineX().toByteArray();
        var y = key.getW().getAffineY().toByteArray();
        int lx = Math.min(x.length, 32), ly = Math.min(y.length, 32);
        System.arraycopy(x, x.length - lx, out, 33 - lx, lx);
        System.arraycopy(y, y.length - ly, out, 65 - ly, ly);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
