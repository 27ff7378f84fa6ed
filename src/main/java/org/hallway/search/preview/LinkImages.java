package org.hallway.search.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{32})\\.(jpg|png)");
    private static final int BATCH = 1000;
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

    /**
     * Deletes the pictures written before {@code before} whose token {@code named} does not return (it
     * is asked for a batch of tokens and answers those a card names), and temporary files left by a
     * write that crashed; returns how many pictures. A picture is written before its card is stored, so
     * only those older than any card being created are looked at, and tokens are never reused: a file
     * found unnamed here is named by nothing later.
     */
    int removeUnused(Instant before, Function<Set<String>, Set<String>> named) {
        if (!Files.isDirectory(root)) return 0;
        var batch = new HashMap<String, Path>();
        int removed = 0;
        try (var files = Files.newDirectoryStream(root)) {
            for (var file : files) {
                if (!Files.isRegularFile(file)
                        || !Files.getLastModifiedTime(file).toInstant().isBefore(before)) continue;
                var name = file.getFileName().toString();
                if (name.startsWith("image-") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                    continue;
                }
                var m = FILE.matcher(name);
                if (!m.matches()) continue;
                batch.put(m.group(1), file);
                if (batch.size() == BATCH) {
                    removed += removeUnnamed(batch, named);
                    batch.clear();
                }
            }
            removed += removeUnnamed(batch, named);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static int removeUnnamed(Map<String, Path> batch, Function<Set<String>, Set<String>> named)
            throws IOException {
        if (batch.isEmpty()) return 0;
        var keep = named.apply(batch.keySet());
        int removed = 0;
        for (var e : batch.entrySet()) {
            if (keep.contains(e.getKey())) continue;
            if (Files.deleteIfExists(e.getValue())) removed++;
        }
        return removed;
    }

    Optional<Path> find(String token, String extension) {
        if (!TOKEN.matcher(token).matches() || !(extension.equals("jpg") || extension.equals("png")))
            return Optional.empty();
        var file = root.resolve(token + "." + extension);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
