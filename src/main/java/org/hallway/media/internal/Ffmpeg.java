package org.hallway.media.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code ffmpeg} and {@code ffprobe} binaries: what a file holds, and its conversion into the
 * forms every browser and app plays (H.264 in MP4 with AAC sound, MP3), without metadata, plus a
 * still of the first frame. Each run has a deadline, after which the process is killed.
 */
public final class Ffmpeg {
    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    /** A conversion that failed: the message is safe to show (it names no path or tool output). */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** What ffprobe tells of a file. {@code frameRate} is ffprobe's fraction ("30/1"). */
    public record Probe(
            String format,
            boolean video,
            boolean audio,
            int width,
            int height,
            double duration,
            @Nullable String frameRate,
            double fps,
            long bitrate) {}

    private final String ffmpeg;
    private final String ffprobe;
    private final CompletableFuture<Boolean> available;

    /** Starts both binaries once to see that they run, beside the rest of the start rather than before it. */
    public Ffmpeg(String ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = probeBinary(ffmpeg);
        this.available =
                CompletableFuture.supplyAsync(this::bothRun, Thread.ofVirtual().name("ffmpeg-check")::start);
    }

    public boolean available() {
        return available.join();
    }

    private boolean bothRun() {
        boolean works = works(ffmpeg) && works(ffprobe);
        if (!works) log.warn("{} or {} not found: video and audio uploads are refused", ffmpeg, ffprobe);
        return works;
    }

    /** ffprobe beside the configured ffmpeg ({@code /opt/ffmpeg/bin/ffmpeg} → {@code /opt/ffmpeg/bin/ffprobe}). */
    static String probeBinary(String ffmpeg) {
        int slash = ffmpeg.lastIndexOf('/');
        var name = ffmpeg.substring(slash + 1);
        var probe = name.startsWith("ffmpeg") ? "ffprobe" + name.substring("ffmpeg".length()) : "ffprobe";
        return ffmpeg.substring(0, slash + 1) + probe;
    }

    private static boolean works(String binary) {
        try {
            var process = new ProcessBuilder(binary, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The file's container and first video and audio streams; null if ffprobe can't read it. */
    public @Nullable Probe probe(Path file) {
        String out;
        try {
            out = run(
                    List.of(
                            ffprobe,
                            "-v",
                            "error",
                            "-print_format",
                            "json",
                            "-show_format",
                            "-show_streams",
                            file.toString()),
                    PROBE_TIMEOUT,
                    false);
        } catch (Failure e) {
            return null;
        }
        var root = JSON.readTree(out);
        var format = root.path("format");
        JsonNode video = null;
        JsonNode audio = null;
        for (var stream : root.path("streams")) {
            var kind = stream.path("codec_type").asString("");
            if (kind.equals("video")
                    && stream.path("disposition").path("attached_pic").asInt(0) == 0
                    && video == null) video = stream;
            if (kind.equals("audio") && audio == null) audio = stream;
        }
        var frameRate = video == null ? null : video.path("avg_frame_rate").asString("0/0");
        if (frameRate != null && frameRate.equals("0/0"))
            frameRate = video.path("r_frame_rate").asString("0/0");
        double duration = number(format.path("duration").asString(""));
        if (duration == 0 && video != null)
            duration = number(video.path("duration").asString(""));
        if (duration == 0 && audio != null)
            duration = number(audio.path("duration").asString(""));
        return new Probe(
                format.path("format_name").asString("").toLowerCase(Locale.ROOT),
                video != null,
                audio != null,
                video == null ? 0 : video.path("width").asInt(0),
                video == null ? 0 : video.path("height").asInt(0),
                duration,
                frameRate,
                fps(frameRate),
                (long) number(format.path("bit_rate").asString("")));
    }

    /** H.264/AAC in MP4 (sound only if {@code withAudio}), even dimensions, at most 60 frames a second. */
    public void toVideo(Path in, Path out, boolean withAudio, Duration timeout) throws Failure {
        var args = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", in.toString()));
        args.addAll(List.of("-map", "0:v:0"));
        if (withAudio) args.addAll(List.of("-map", "0:a:0?", "-c:a", "aac", "-b:a", "128k"));
        else args.add("-an");
        args.addAll(List.of(
                "-map_metadata",
                "-1",
                "-map_chapters",
                "-1",
                "-sn",
                "-dn",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "23",
                "-pix_fmt",
                "yuv420p",
                "-vf",
                "scale=trunc(iw/2)*2:trunc(ih/2)*2",
                "-fpsmax",
                "60",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                out.toString()));
        run(args, timeout);
    }

    /** MP3 of the first audio stream, without metadata or cover art. */
    public void toAudio(Path in, Path out, Duration timeout) throws Failure {
        run(
                List.of(
                        ffmpeg,
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        in.toString(),
                        "-map",
                        "0:a:0",
                        "-vn",
                        "-map_metadata",
                        "-1",
                        "-c:a",
                        "libmp3lame",
                        "-q:a",
                        "4",
                        "-f",
                        "mp3",
                        out.toString()),
                timeout);
    }

    /** The first frame as a JPEG. */
    public void firstFrame(Path video, Path out, Duration timeout) throws Failure {
        run(
                List.of(
                        ffmpeg,
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        video.toString(),
                        "-map",
                        "0:v:0",
                        "-frames:v",
                        "1",
                        "-q:v",
                        "3",
                        "-f",
                        "image2",
                        "-c:v",
                        "mjpeg",
                        out.toString()),
                timeout);
    }

    /** Runs a binary to its end; its output as text. The process is killed at the deadline or on interrupt. */
    private static String run(List<String> command, Duration timeout) throws Failure {
        return run(command, timeout, true);
    }

    /** {@code report}: log a failure (a conversion's; a probe of an unreadable upload is expected to fail). */
    private static String run(List<String> command, Duration timeout, boolean report) throws Failure {
        Path output = null;
        Path errors = null;
        Process process = null;
        try {
            output = Files.createTempFile("hallway-ffmpeg-", ".out");
            errors = Files.createTempFile("hallway-ffmpeg-", ".err");
            process = new ProcessBuilder(command)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Failure("Processing took too long");
            }
            var text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                if (report)
                    log.info(
                            "{} failed ({}): {}",
                            command.getFirst(),
                            process.exitValue(),
                            Files.readString(errors, StandardCharsets.UTF_8).strip());
                throw new Failure("The file could not be converted");
            }
            return text;
        } catch (IOException e) {
            log.warn("Could not run {}: {}", command.getFirst(), e.toString());
            throw new Failure("The file could not be converted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("Processing was interrupted");
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
            deleteQuietly(output);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's clean-up takes it
        }
    }

    private static double number(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double fps(@Nullable String fraction) {
        if (fraction == null) return 0;
        var parts = fraction.split("/");
        double num = number(parts[0]);
        double den = parts.length > 1 ? number(parts[1]) : 1;
        return den == 0 ? 0 : num / den;
    }
}
