package org.hallway.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small real video, audio and animated GIF files made with ffmpeg's test sources, for upload tests. */
public final class MediaTestClips {
    private MediaTestClips() {}

    /** A 2-second 320×240 25 fps clip with a 440 Hz tone and a title tag, in the given container (mp4, webm, mov). */
    public static byte[] video(String container) {
        var codecs = container.equals("webm")
                ? List.of("-c:v", "libvpx", "-b:v", "200k", "-c:a", "libvorbis")
                : List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        var args = new ArrayList<>(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440",
                "-t",
                "2",
                "-shortest",
                "-metadata",
                "title=Secret Title Of The Clip"));
        args.addAll(codecs);
        return make(container, args);
    }

    /** A 5-frame 64×48 animated GIF. */
    public static byte[] animatedGif() {
        return make("gif", List.of("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-frames:v", "5"));
    }

    /** A 1.5-second tone with an artist tag, in the given container (wav, ogg, mp3, m4a). */
    public static byte[] audio(String container) {
        var args = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "sine=frequency=660:duration=1.5", "-metadata", "artist=Secret Artist Name"));
        if (container.equals("ogg")) args.addAll(List.of("-c:a", "libvorbis"));
        if (container.equals("m4a")) args.addAll(List.of("-c:a", "aac"));
        return make(container, args);
    }

    /** What ffprobe says of a file's streams: "video,audio", "video", "audio". */
    public static String streams(byte[] file) {
        try {
            var in = Files.createTempFile("hallway-probe-", ".bin");
            try {
                Files.write(in, file);
                var out = run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type",
                        "-of",
                        "csv=p=0",
                        in.toString()));
                return String.join(",", out.strip().lines().toList());
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] make(String extension, List<String> args) {
        try {
            var out = Files.createTempFile("hallway-clip-", "." + extension);
            try {
                var command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
                command.addAll(args);
                command.add(out.toString());
                run(command);
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command) throws IOException {
        var log = Files.createTempFile("hallway-clip-", ".log");
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg took too long: " + command);
            }
            var output = Files.readString(log);
            if (process.exitValue() != 0) throw new IllegalStateException(command + " failed: " + output);
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
