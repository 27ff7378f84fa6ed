package org.hallway.identity.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.hallway.identity.AvatarImages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Avatars as PNG files under {@code <data dir>/avatars/<account id>/}. */
@Component
class FileAvatarImages implements AvatarImages {
    private final Path root;

    FileAvatarImages(@Value("${hallway.data-dir}") Path dataDir) {
        this.root = dataDir.toAbsolutePath().resolve("avatars");
    }

    @Override
    public Optional<Image> read(long accountId, Size size) {
        var file = file(accountId, size);
        try {
            var modified = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new Image(Files.readAllBytes(file), modified));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(long accountId, byte[] full, byte[] thumbnail) {
        try {
            Files.createDirectories(root.resolve(Long.toString(accountId)));
            // The thumbnail first: a reader never sees a new full image with an old thumbnail for long.
            replace(file(accountId, Size.THUMBNAIL), thumbnail);
            replace(file(accountId, Size.FULL), full);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long accountId, Size size) {
        return root.resolve(Long.toString(accountId)).resolve(size == Size.FULL ? "400.png" : "96.png");
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
