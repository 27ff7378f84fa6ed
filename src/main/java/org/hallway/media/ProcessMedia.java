package org.hallway.media;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hallway.media.internal.Ffmpeg;
import org.hallway.media.internal.ImageProcessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Converts uploaded video, audio and animated GIFs in the background, a few at a time
 * ({@code HALLWAY_MEDIA_WORKERS}, ffmpeg being heavy on the CPU): video and GIFs become H.264 MP4
 * (GIFs silent) with a first-frame preview and its blurhash, audio becomes MP3; all without the
 * uploaded file's metadata. The upload's row says {@code processing} until then; it becomes {@code
 * ready} with the new files, or {@code failed} with a reason and no files. The file as uploaded is
 * kept until the end, so uploads still processing when Hallway stops are taken up again at start.
 */
@Component
public class ProcessMedia {
    private static final Logger log = LoggerFactory.getLogger(ProcessMedia.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final MediaStore store;
    private final MediaFiles files;
    private final Ffmpeg ffmpeg;
    private final ExecutorService workers;
    /** Uploads queued or being converted (so that one taken up again is not converted twice), with their end. */
    private final java.util.Map<Long, java.util.concurrent.CompletableFuture<Void>> queued =
            new java.util.concurrent.ConcurrentHashMap<>();

    private volatile boolean stopping;

    ProcessMedia(MediaStore store, MediaFiles files, Ffmpeg ffmpeg, MediaLimits limits) {
        this.store = store;
        this.files = files;
        this.ffmpeg = ffmpeg;
        int n = limits.workers();
        this.workers = new ThreadPoolExecutor(
                n,
                n,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofVirtual().name("media-", 0).factory());
    }

    /** Queues an upload stored as processing. */
    public void submit(long mediaId) {
        if (stopping) return;
        var done = new java.util.concurrent.CompletableFuture<Void>();
        if (queued.putIfAbsent(mediaId, done) != null) return;
        workers.execute(() -> {
            try {
                run(mediaId);
            } finally {
                queued.remove(mediaId);
                done.complete(null);
            }
        });
    }

    /**
     * Waits, at most {@code timeout}, for an upload to be processed (the web composer posts once its
     * video is ready); the upload as it is then, still processing if the time ran out.
     */
    public Media awaitProcessed(Media media, Duration timeout) {
        if (!media.processing()) return media;
        var done = queued.get(media.id());
        if (done != null) {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // still processing, or it failed: the row tells
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return store.find(media.id()).orElse(media);
    }

    /** Takes up the uploads left processing when Hallway last stopped. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumePending() {
        var pending = store.processing();
        if (!pending.isEmpty()) log.info("Taking up {} uploads left processing", pending.size());
        for (var m : pending) submit(m.id());
    }

    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdownNow();
    }

    void run(long mediaId) {
        var found = store.find(mediaId).filter(Media::processing);
        if (found.isEmpty()) return;
        var media = found.get();
        var upload = files.find(mediaId, MediaFiles.UPLOAD);
        if (upload.isEmpty()) {
            fail(mediaId, "The uploaded file is gone; upload it again");
            return;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("hallway-media-");
            var done =
                    media.type().equals("audio") ? audio(media, upload.get(), work) : video(media, upload.get(), work);
            if (!store.finish(done)) {
                files.delete(mediaId); // purged while it was processing
                return;
            }
            files.delete(mediaId, MediaFiles.UPLOAD);
            log.debug("Processed {} {}", media.type(), mediaId);
        } catch (Ffmpeg.Failure e) {
            if (stopping) return; // left processing: taken up again at the next start
            fail(mediaId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (stopping) return;
            log.warn("Processing upload {} failed", mediaId, e);
            fail(mediaId, "The file could not be converted");
        } finally {
            deleteTree(work);
        }
    }

    private Media video(Media media, Path upload, Path work) throws Ffmpeg.Failure, IOException {
        var original = work.resolve("original.mp4");
        ffmpeg.toVideo(upload, original, media.type().equals("video"), TIMEOUT);
        var probe = ffmpeg.probe(original);
        if (probe == null || !probe.video()) throw new Ffmpeg.Failure("The file could not be converted");
        var frame = work.resolve("frame.jpg");
        ffmpeg.firstFrame(original, frame, TIMEOUT);
        var still = ImageProcessing.process(Files.readAllBytes(frame));
        long size = Files.size(original);
        files.write(media.id(), "small.jpg", still.small());
        files.move(media.id(), "original.mp4", original);
        return media.processed(
                "video/mp4",
                probe.width(),
                probe.height(),
                size,
                "image/jpeg",
                still.smallWidth(),
                still.smallHeight(),
                still.small().length,
                still.blurhash(),
                probe.duration(),
                probe.frameRate(),
                probe.bitrate());
    }

    private Media audio(Media media, Path upload, Path work) throws Ffmpeg.Failure, IOException {
        var original = work.resolve("original.mp3");
        ffmpeg.toAudio(upload, original, TIMEOUT);
        var probe = ffmpeg.probe(original);
        if (probe == null || !probe.audio()) throw new Ffmpeg.Failure("The file could not be converted");
        long size = Files.size(original);
        files.move(media.id(), "original.mp3", original);
        return media.processed("audio/mpeg", 0, 0, size, null, 0, 0, 0, null, probe.duration(), null, probe.bitrate());
    }

    /** Nothing half-stored: the files go, the row says why. */
    private void fail(long mediaId, String reason) {
        files.delete(mediaId);
        store.fail(mediaId, reason);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
