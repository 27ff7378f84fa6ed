package org.hallway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's secret for signed URLs (and later signed mail reply addresses): made once, kept
 * in the data directory (readable by the owner only), so signatures survive restarts.
 */
@Component
public class SigningKey {
    private final byte[] secret;

    SigningKey(@Value("${hallway.data-dir}") Path dataDir) {
        this.secret = load(dataDir.toAbsolutePath().resolve("signing.key"));
    }

    /** A key for one purpose, so that one signature can never stand in for another. */
    public byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] load(Path file) {
        try {
            if (Files.exists(file)) return Files.readAllBytes(file);
            Files.createDirectories(file.getParent());
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.write(file, bytes);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the data directory's own permissions protect the key.
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
