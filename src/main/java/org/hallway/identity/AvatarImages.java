package org.hallway.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: where uploaded avatars are kept, already resized (the data directory on one node; object
 * storage when Hallway runs on several).
 */
public interface AvatarImages {
    /** Full size (400 px) for profiles and apps; thumbnail (96 px) for feeds and lists. */
    enum Size {
        FULL,
        THUMBNAIL
    }

    record Image(byte[] png, Instant modified) {}

    Optional<Image> read(long accountId, Size size);

    void write(long accountId, byte[] full, byte[] thumbnail);
}
