package org.hallway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A server without ffmpeg refuses video and audio with a clear message and keeps taking images. */
class UploadWithoutFfmpegTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    @Autowired
    MediaStore store;

    @Autowired
    MediaFiles files;

    @Autowired
    ProcessMedia process;

    @Autowired
    Ids ids;

    @Autowired
    Clock clock;

    @Test
    void refusesVideoAndAudioButTakesImages() {
        var p = factory.create();
        var limits = new MediaLimits(16L << 20, 24L << 20, 20L << 20, 1, "/nonexistent/bin/ffmpeg");
        var upload = new UploadMedia(store, files, limits, limits.ffmpeg(), process, ids, clock);
        assertThat(limits.timedMediaAvailable()).isFalse();
        assertThat(limits.supportedTypes()).containsExactly("image/jpeg", "image/png", "image/gif");
        assertThat(limits.videoMaxBytes()).isZero();

        for (var clip : new byte[][] {MediaTestClips.video("mp4"), MediaTestClips.audio("ogg")}) {
            assertThatThrownBy(() -> upload.handle(p.alice.viewer(), new UploadMedia.Command(clip, null, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Video and audio can't be uploaded to this server");
        }
        // An animated GIF keeps its first frame, as an image.
        var gif = upload.handle(p.alice.viewer(), new UploadMedia.Command(MediaTestClips.animatedGif(), null, null));
        assertThat(gif.type()).isEqualTo("image");
        assertThat(gif.ready()).isTrue();
        var png = upload.handle(
                p.alice.viewer(), new UploadMedia.Command(MediaTestImages.png(40, 30, Color.RED), null, null));
        assertThat(png.type()).isEqualTo("image");
        assertThat(store.find(p.networkId, png.id())).isPresent();
    }
}
