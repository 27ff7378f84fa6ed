package org.hallway.media.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import org.hallway.media.MediaFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Media as files under {@code <data dir>/media/<id>/original.<ext>} and {@code small.<ext>}. */
@Component
class FileMediaFiles implements MediaFiles {
    private final Path root;

    FileMediaFiles(@Value("${hallway.data-dir}") Path dataDir) {
        this.root = dataDir.toAbsolutePath().resolve("media");
    }

    @Override
    public void write(long mediaId, String extension, byte[] original, byte[] small) {
        try {
            var dir = Files.createDirectories(root.resolve(Long.toString(mediaId)));
            replace(dir.resolve("small." + extension), small);
            replace(dir.resolve("original." + extension), original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Path> find(long mediaId, String extension, Variant variant) {
        var file = root.resolve(Long.toString(mediaId))
                .resolve((variant == Variant.ORIGINAL ? "original." : "small.") + extension);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(long mediaId) {
        var dir = root.resolve(Long.toString(mediaId));
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.walk(dir)) {
            for (var f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes beside the target and moves it into place, so a reader never gets half a file. */
    private static void replace(Path target, byte[] bytes) throws IOException {
        var temp = Files.createTempFile(target.getParent(), "upload-", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
