package org.hallway.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Port: where the media files are kept (the data directory on one node; object storage when Hallway
 * runs on several). Each upload has its own set of named files: {@code original.<ext>}, {@code
 * small.<ext>}, and while a video or audio waits for processing, the file as uploaded ({@link #UPLOAD}).
 */
public interface MediaFiles {
    /** The name of the file as uploaded, kept until processing ends so that it survives a restart. */
    String UPLOAD = "upload";

    enum Variant {
        ORIGINAL,
        SMALL
    }

    /** Writes a file atomically: a reader never gets half of it. */
    void write(long mediaId, String name, byte[] bytes);

    /** Moves a file (made by a converter) into place, atomically. */
    void move(long mediaId, String name, Path source);

    Optional<Path> find(long mediaId, String name);

    void delete(long mediaId, String name);

    /** Deletes all files of an upload. */
    void delete(long mediaId);

    static String name(Variant variant, String extension) {
        return (variant == Variant.ORIGINAL ? "original." : "small.") + extension;
    }
}
