package org.hallway.media;

import jakarta.servlet.MultipartConfigElement;
import java.util.ArrayList;
import java.util.List;
import org.hallway.media.internal.Ffmpeg;
import org.hallway.media.internal.ImageProcessing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be: its types, bytes, pixels, frame rate and duration, how many per post, how
 * long its alt text. The instance entity reports these to apps, and the servlet's multipart limits
 * follow the largest byte limit. Video and audio are accepted only when ffmpeg runs here
 * ({@code HALLWAY_FFMPEG}).
 */
@Configuration(proxyBeanMethods = false)
public class MediaLimits {
    public static final int MAX_PER_POST = 4;
    public static final int MAX_DESCRIPTION = 1500;
    /** Mastodon's video_matrix_limit (3840×2160). */
    public static final long MAX_VIDEO_PIXELS = 8_294_400L;
    /** Mastodon's video_frame_rate_limit. */
    public static final int MAX_FRAME_RATE = 120;
    /** The longest video or audio, in seconds (an hour: a recorded all-hands meeting). */
    public static final int MAX_DURATION_SECONDS = 3600;
    /** Room in a request beyond the file for the other form fields. */
    private static final long REQUEST_SLACK = 4L * 1024 * 1024;

    static final List<String> VIDEO_TYPES = List.of("video/mp4", "video/quicktime", "video/webm");
    static final List<String> AUDIO_TYPES = List.of(
            "audio/mpeg",
            "audio/mp3",
            "audio/ogg",
            "audio/vorbis",
            "audio/wav",
            "audio/wave",
            "audio/x-wav",
            "audio/mp4",
            "audio/x-m4a",
            "audio/aac",
            "audio/webm");

    private final long maxBytes;
    private final long videoMaxBytes;
    private final long audioMaxBytes;
    private final int workers;
    private final Ffmpeg ffmpeg;

    MediaLimits(
            @Value("${hallway.media.max-bytes:16777216}") long maxBytes,
            @Value("${hallway.media.video-max-bytes:103809024}") long videoMaxBytes,
            @Value("${hallway.media.audio-max-bytes:41943040}") long audioMaxBytes,
            @Value("${hallway.media.workers:1}") int workers,
            @Value("${hallway.media.ffmpeg:ffmpeg}") String ffmpeg) {
        this.maxBytes = maxBytes;
        this.videoMaxBytes = videoMaxBytes;
        this.audioMaxBytes = audioMaxBytes;
        this.workers = Math.max(1, workers);
        this.ffmpeg = new Ffmpeg(ffmpeg);
    }

    /** The largest image. */
    public long maxBytes() {
        return maxBytes;
    }

    public long videoMaxBytes() {
        return timedMediaAvailable() ? videoMaxBytes : 0;
    }

    public long audioMaxBytes() {
        return timedMediaAvailable() ? audioMaxBytes : 0;
    }

    /** The largest file of any kind: the servlet refuses bigger requests before reading them. */
    public long largestBytes() {
        return Math.max(maxBytes, Math.max(videoMaxBytes(), audioMaxBytes()));
    }

    public long maxPixels() {
        return ImageProcessing.MAX_PIXELS;
    }

    /** How many videos or audios are converted at once (ffmpeg is heavy on the CPU). */
    public int workers() {
        return workers;
    }

    /** Whether ffmpeg runs here, so that video, audio and animated GIFs are accepted. */
    public boolean timedMediaAvailable() {
        return ffmpeg.available();
    }

    public List<String> supportedTypes() {
        if (!timedMediaAvailable()) return ImageProcessing.SUPPORTED_TYPES;
        var types = new ArrayList<>(ImageProcessing.SUPPORTED_TYPES);
        types.addAll(VIDEO_TYPES);
        types.addAll(AUDIO_TYPES);
        return List.copyOf(types);
    }

    /** What the file field of a form accepts. */
    public String accept() {
        return String.join(",", supportedTypes());
    }

    /** "16 MB", for messages. */
    public String maxBytesText() {
        return text(maxBytes);
    }

    /** "99 MB": the largest upload of any kind, for messages. */
    public String largestBytesText() {
        return text(largestBytes());
    }

    static String text(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    @Bean
    Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    /**
     * The largest file the servlet parses (into a temporary file, never into memory): twice the largest
     * configured limit, so that a file somewhat over it still reaches the form, which refuses it and keeps
     * what was typed (a browser without JavaScript cannot check the size first). Controllers check the
     * size with {@link #requireUploadable} before reading the bytes. The servlet takes this limit at
     * start, while ffmpeg's check still runs, so it counts video and audio whether or not they are taken.
     */
    public long parsedBytes() {
        return 2 * Math.max(maxBytes, Math.max(videoMaxBytes, audioMaxBytes));
    }

    /** Refuses a file over the largest limit before its bytes are read. */
    public void requireUploadable(long bytes) {
        if (bytes > largestBytes()) throw UploadMedia.tooLarge(largestBytes());
    }

    // A file over the parsed limit is refused while the request is parsed (MaxUploadSizeExceededException),
    // before any controller runs; the API and the web UI turn that into their usual error answers.
    @Bean
    MultipartConfigElement multipartConfigElement() {
        var factory = new MultipartConfigFactory();
        factory.setMaxFileSize(DataSize.ofBytes(parsedBytes()));
        factory.setMaxRequestSize(DataSize.ofBytes(parsedBytes() + REQUEST_SLACK));
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        return factory.createMultipartConfig();
    }
}
