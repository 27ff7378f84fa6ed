package org.hallway.media;

import java.time.Clock;
import org.hallway.media.internal.ImageProcessing;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A colleague uploads an image to attach to a post they are writing. It is checked (type, bytes,
 * pixels), re-encoded without its metadata, given a preview and a blurhash, and stored unattached:
 * only its uploader sees it until a post takes it. Processing is synchronous (an image takes tens of
 * milliseconds), so the answer is complete at once.
 */
@Service
public class UploadMedia {
    public record Command(byte @Nullable [] bytes, @Nullable String description, @Nullable String focus) {}

    private final MediaStore store;
    private final MediaFiles files;
    private final MediaLimits limits;
    private final Ids ids;
    private final Clock clock;

    UploadMedia(MediaStore store, MediaFiles files, MediaLimits limits, Ids ids, Clock clock) {
        this.store = store;
        this.files = files;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    public Media handle(Viewer uploader, Command cmd) {
        var bytes = cmd.bytes();
        if (bytes == null || bytes.length == 0) throw new InvalidInputException("file", "Choose a file to upload");
        if (bytes.length > limits.maxBytes())
            throw new InvalidInputException("file", "The file is too large (at most " + limits.maxBytesText() + ")");
        var description = Descriptions.check(cmd.description());
        var focus = Descriptions.focus(cmd.focus());
        var image = ImageProcessing.process(bytes);
        var media = new Media(
                ids.next(),
                uploader.networkId(),
                uploader.accountId(),
                null,
                0,
                "image",
                image.contentType(),
                description,
                focus[0],
                focus[1],
                image.width(),
                image.height(),
                image.original().length,
                image.smallWidth(),
                image.smallHeight(),
                image.small().length,
                image.blurhash(),
                clock.instant());
        // Files first, row last: a failure leaves at most orphan files, never a row without its files.
        files.write(media.id(), media.extension(), image.original(), image.small());
        try {
            store.insert(media);
        } catch (RuntimeException e) {
            files.delete(media.id());
            throw e;
        }
        return media;
    }
}
