package org.hallway.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hallway.media.internal.Ffmpeg;
import org.hallway.media.internal.ImageProcessing;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A colleague uploads an image, a video, an audio or an animated GIF to attach to a post they are
 * writing. An image is checked (type, bytes, pixels), re-encoded without its metadata, given a preview
 * and a blurhash while the upload waits (tens of milliseconds). Video, audio and animated GIFs are
 * probed at once (what they hold, their size, length and frame rate), kept as uploaded and stored as
 * {@code processing}; {@link ProcessMedia} converts them in the background. Either way the upload is
 * unattached: only its uploader sees it until a post takes it.
 */
@Service
public class UploadMedia {
    public record Command(byte @Nullable [] bytes, @Nullable String description, @Nullable String focus) {}

    /** Containers ffprobe names that Hallway takes: MP4/MOV/M4A, WebM, MP3, Ogg, WAV, GIF. */
    private static final List<String> CONTAINERS =
            List.of("mp4", "mov", "m4a", "webm", "matroska", "mp3", "ogg", "wav", "gif");

    private final MediaStore store;
    private final MediaFiles files;
    private final MediaLimits limits;
    private final Ffmpeg ffmpeg;
    private final ProcessMedia process;
    private final Ids ids;
    private final Clock clock;

    UploadMedia(
            MediaStore store,
            MediaFiles files,
            MediaLimits limits,
            Ffmpeg ffmpeg,
            ProcessMedia process,
            Ids ids,
            Clock clock) {
        this.store = store;
        this.files = files;
        this.limits = limits;
        this.ffmpeg = ffmpeg;
        this.process = process;
        this.ids = ids;
        this.clock = clock;
    }

    public Media handle(Viewer uploader, Command cmd) {
        var bytes = cmd.bytes();
        if (bytes == null || bytes.length == 0) throw new InvalidInputException("file", "Choose a file to upload");
        if (bytes.length > limits.largestBytes()) throw tooLarge(limits.largestBytes());
        var description = Descriptions.check(cmd.description());
        var focus = Descriptions.focus(cmd.focus());
        if (ImageProcessing.looksLikeImage(bytes)) {
            if (bytes.length > limits.maxBytes()) throw tooLarge(limits.maxBytes());
            if (limits.timedMediaAvailable() && ImageProcessing.isAnimatedGif(bytes))
                return timed(uploader, bytes, description, focus, true);
            return image(uploader, bytes, description, focus);
        }
        if (!limits.timedMediaAvailable()) {
            if (looksLikeVideoOrAudio(bytes))
                throw new InvalidInputException(
                        "file", "Video and audio can't be uploaded to this server yet: upload a JPEG, PNG or GIF");
            return image(uploader, bytes, description, focus);
        }
        return timed(uploader, bytes, description, focus, false);
    }

    private Media image(Viewer uploader, byte[] bytes, @Nullable String description, float[] focus) {
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
                clock.instant(),
                Media.READY,
                null,
                image.contentType(),
                null,
                null,
                null);
        // Files first, row last: a failure leaves at most orphan files, never a row without its files.
        files.write(media.id(), MediaFiles.name(MediaFiles.Variant.SMALL, media.extension()), image.small());
        files.write(media.id(), MediaFiles.name(MediaFiles.Variant.ORIGINAL, media.extension()), image.original());
        insertOrClean(media);
        return media;
    }

    private Media timed(
            Viewer uploader, byte[] bytes, @Nullable String description, float[] focus, boolean animatedGif) {
        Path temp = null;
        try {
            temp = Files.createTempFile("hallway-upload-", ".bin");
            Files.write(temp, bytes);
            var probe = ffmpeg.probe(temp);
            if (probe == null
                    || CONTAINERS.stream().noneMatch(c -> probe.format().contains(c))) throw notReadable();
            String type;
            if (animatedGif) type = "gifv";
            else if (probe.video()) type = "video";
            else if (probe.audio()) type = "audio";
            else throw notReadable();
            check(type, bytes.length, probe);
            var media = new Media(
                    ids.next(),
                    uploader.networkId(),
                    uploader.accountId(),
                    null,
                    0,
                    type,
                    type.equals("audio") ? "audio/mpeg" : "video/mp4",
                    description,
                    focus[0],
                    focus[1],
                    probe.width(),
                    probe.height(),
                    bytes.length,
                    0,
                    0,
                    0,
                    null,
                    clock.instant(),
                    Media.PROCESSING,
                    null,
                    null,
                    probe.duration(),
                    probe.frameRate(),
                    probe.bitrate());
            files.move(media.id(), MediaFiles.UPLOAD, temp);
            insertOrClean(media);
            process.submit(media.id());
            return media;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // moved into place already, or a temporary file the system removes
                }
            }
        }
    }

    private void check(String type, long bytes, Ffmpeg.Probe probe) {
        switch (type) {
            case "video" -> {
                if (bytes > limits.videoMaxBytes()) throw tooLarge(limits.videoMaxBytes());
            }
            case "audio" -> {
                if (bytes > limits.audioMaxBytes()) throw tooLarge(limits.audioMaxBytes());
            }
            default -> {}
        }
        if (!type.equals("audio")) {
            if ((long) probe.width() * probe.height() > MediaLimits.MAX_VIDEO_PIXELS)
                throw new InvalidInputException("file", "The video is too large in pixels (at most 3840×2160)");
            if (probe.fps() > MediaLimits.MAX_FRAME_RATE)
                throw new InvalidInputException(
                        "file", "The video has too many frames a second (at most " + MediaLimits.MAX_FRAME_RATE + ")");
        }
        if (probe.duration() > MediaLimits.MAX_DURATION_SECONDS)
            throw new InvalidInputException(
                    "file", "The file is too long (at most " + MediaLimits.MAX_DURATION_SECONDS / 60 + " minutes)");
    }

    private void insertOrClean(Media media) {
        try {
            store.insert(media);
        } catch (RuntimeException e) {
            files.delete(media.id());
            throw e;
        }
    }

    static InvalidInputException tooLarge(long limit) {
        return new InvalidInputException("file", "The file is too large (at most " + MediaLimits.text(limit) + ")");
    }

    private static InvalidInputException notReadable() {
        return new InvalidInputException(
                "file",
                "The file is not an image, video or audio Hallway can read: upload a JPEG, PNG, GIF, MP4, WebM, MOV,"
                        + " MP3, Ogg, WAV or M4A");
    }

    /** Starts like MP4/MOV/M4A (ftyp), WebM (EBML), Ogg, WAV (RIFF…WAVE) or MP3 (ID3 or a frame header). */
    private static boolean looksLikeVideoOrAudio(byte[] b) {
        if (b.length < 12) return false;
        boolean ftyp = b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
        boolean ebml = (b[0] & 0xff) == 0x1a && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xdf && (b[3] & 0xff) == 0xa3;
        boolean ogg = b[0] == 'O' && b[1] == 'g' && b[2] == 'g' && b[3] == 'S';
        boolean wav = b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A';
        boolean mp3 = (b[0] == 'I' && b[1] == 'D' && b[2] == '3') || ((b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0);
        return ftyp || ebml || ogg || wav || mp3;
    }
}
