package org.hallway.search.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pictures of link cards as files under {@code <data dir>/link-images/<token>.<jpg|png>}: the token
 * is random (128 bits), so a picture's address says nothing about the link it belongs to and cannot be
 * guessed from it.
 */
@Component
class LinkImages {
    static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path root;

    LinkImages(@Value("${hallway.data-dir}") Path dataDir) {
        this.root = dataDir.toAbsolutePath().resolve("link-images");
    }

    static String newToken() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes a picture atomically: a reader never gets half of it. */
    void write(String token, String extension, byte[] bytes) {
        try {
            Files.createDirectories(root);
            var target = root.resolve(token + "." + extension);
            var temp = Files.createTempFile(root, "image-", ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String token, String extension) {
        find(token, extension).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Optional<Path> find(String token, String extension) {
        if (!TOKEN.matcher(token).matches() || !(extension.equals("jpg") || extension.equals("png")))
            return Optional.empty();
        var file = root.resolve(token + "." + extension);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
