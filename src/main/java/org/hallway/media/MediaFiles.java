package org.hallway.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Port: where the image files are kept (the data directory on one node; object storage when Hallway
 * runs on several).
 */
public interface MediaFiles {
    enum Variant {
        ORIGINAL,
        SMALL
    }

    void write(long mediaId, String extension, byte[] original, byte[] small);

    Optional<Path> find(long mediaId, String extension, Variant variant);

    void delete(long mediaId);
}
