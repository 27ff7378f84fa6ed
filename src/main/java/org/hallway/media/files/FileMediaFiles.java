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

/** Media as files under {@code <data dir>/media/<id>/}: {@code original.<ext>}, {@code small.<ext>}, {@code upload}. */
@Component
class FileMediaFiles implements MediaFiles {
    private final Path root;

    FileMediaFiles(@Value("${hallway.data-dir}") Path dataDir) {
        this.root = dataDir.toAbsolutePath().resolve("media");
    }

    @Override
    public void write(long mediaId, String name, byte[] bytes) {
        try {
            var target = dir(mediaId).resolve(name);
            var temp = Files.createTempFile(target.getParent(), "upload-", ".tmp");
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

    @Override
    public void move(long mediaId, String name, Path source) {
        try {
            var target = dir(mediaId).resolve(name);
            try {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                // Another file system (the converter's temporary directory): copy beside, then move.
                var temp = Files.createTempFile(target.getParent(), "upload-", ".tmp");
                try {
                    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                Files.deleteIfExists(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Path> find(long mediaId, String name) {
        var file = root.resolve(Long.toString(mediaId)).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void delete(long mediaId, String name) {
        try {
            Files.deleteIfExists(root.resolve(Long.toString(mediaId)).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private Path dir(long mediaId) throws IOException {
        return Files.createDirectories(root.resolve(Long.toString(mediaId)));
    }
}
