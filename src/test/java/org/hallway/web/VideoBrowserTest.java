package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.RequestOptions;
import java.awt.Color;
import org.hallway.media.MediaTestClips;
import org.hallway.media.MediaTestImages;
import org.junit.jupiter.api.Test;

/** Video, animated GIFs and audio in the compose box, in posts, and in the edit form. */
class VideoBrowserTest extends BrowserTest {
    private static final double PROCESSING_MS = 120_000;

    @Test
    void postsAVideoThatReadersCanPlayAndSeekIn() {
        var page = signIn(p.alice);
        compose(
                page,
                "Demo of the new checkout",
                "demo.mp4",
                "video/mp4",
                MediaTestClips.video("mp4"),
                "Checkout demo");

        var card = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Demo of the new checkout"))
                .first();
        var video = card.locator(".pictures video");
        assertThat(video).hasAttribute("aria-label", "Checkout demo");
        assertThat(video).hasAttribute("controls", "");
        assertThat(video).hasAttribute("poster", java.util.regex.Pattern.compile("/small\\.jpg$"));
        var src = video.getAttribute("src");
        assertThat(src).endsWith("/original.mp4");
        var part = page.request().get(src, RequestOptions.create().setHeader("Range", "bytes=0-99"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);

        // A colleague sees the player on the company feed, with a path of their own.
        var bobs = signIn(p.bob);
        bobs.navigate("/company");
        var seen = bobs.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Demo of the new checkout"))
                .locator(".pictures video");
        assertThat(seen).hasAttribute("aria-label", "Checkout demo");
        assertThat(seen.getAttribute("src")).isNotEqualTo(src);
        assertThat(bobs.request().get(seen.getAttribute("src")).status()).isEqualTo(200);
    }

    @Test
    void anAnimatedGifLoopsSilentlyAndAudioHasAPlayer() {
        var page = signIn(p.tom);
        compose(page, "Friday mood", "party.gif", "image/gif", MediaTestClips.animatedGif(), null);
        var gif = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Friday mood"))
                .locator(".pictures video.gifv");
        assertThat(gif).hasAttribute("autoplay", "");
        assertThat(gif).hasAttribute("loop", "");
        assertThat(gif).hasAttribute("muted", "");
        assertThat(gif).not().hasAttribute("controls", "");

        compose(page, "Voice memo from the offsite", "memo.ogg", "audio/ogg", MediaTestClips.audio("ogg"), "Memo");
        var audio = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Voice memo from the offsite"))
                .locator(".pictures audio");
        assertThat(audio).hasAttribute("controls", "");
        assertThat(audio).hasAttribute("aria-label", "Memo");
        assertThat(page.request().get(audio.getAttribute("src")).headers().get("content-type"))
                .isEqualTo("audio/mpeg");
    }

    @Test
    void theEditFormKeepsRemovesAndAddsAttachments() {
        var page = signIn(p.eve);
        compose(page, "Release notes draft", "clip.mp4", "video/mp4", MediaTestClips.video("mp4"), "Old clip");
        var card = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Release notes draft"))
                .first();
        assertThat(card.locator(".pictures video")).hasCount(1);

        card.getByTitle("Edit").click();
        var form = page.locator("article.editing");
        assertThat(form.getByLabel("Keep video 1: Old clip")).isChecked();
        form.getByLabel("Keep video 1: Old clip").uncheck();
        form.getByLabel("New attachment 1", new Locator.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("chart.png", "image/png", MediaTestImages.png(300, 200, Color.BLUE)));
        form.getByLabel("Description of new attachment 1").fill("Sales chart");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();

        var edited = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Release notes draft"))
                .first();
        assertThat(edited.locator(".pictures img")).hasAttribute("alt", "Sales chart");
        assertThat(edited.locator(".pictures video")).hasCount(0);

        // Editing again and keeping it leaves the image in place.
        edited.getByTitle("Edit").click();
        var again = page.locator("article.editing");
        assertThat(again.getByLabel("Keep image 1: Sales chart")).isChecked();
        again.getByLabel("Edit your post").fill("Release notes, final");
        again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        var last = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Release notes, final"))
                .first();
        assertThat(last.locator(".pictures img")).hasAttribute("alt", "Sales chart");

        // The history lists what each version carried.
        page.navigate(last.locator("a[href$='/history']").first().getAttribute("href"));
        var versions = page.locator("ol.versions > li");
        assertThat(versions.first()).containsText("Image: Sales chart");
        assertThat(versions.last()).containsText("Video: Old clip");
    }

    @Test
    void aFileOverTheLimitIsRefusedNextToTheField() throws java.io.IOException {
        var page = signIn(p.bob);
        page.getByLabel("Share something with your colleagues").fill("Full recording attached");
        page.locator("summary", new Page.LocatorOptions().setHasText("Add images, video or audio"))
                .click();
        // Larger than every limit (24 MiB in tests); given as a file, as a browser reads it from disk.
        var recording = java.nio.file.Files.createTempFile("recording-", ".mp4");
        java.nio.file.Files.write(recording, new byte[25 * 1024 * 1024]);
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(recording);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#media-error")).containsText("too large");
        page.navigate("/@bob");
        assertThat(page.locator("main")).not().containsText("Full recording attached");
        java.nio.file.Files.deleteIfExists(recording);
    }

    private void compose(Page page, String text, String name, String type, byte[] bytes, String alt) {
        page.getByLabel("Share something with your colleagues").fill(text);
        page.locator("summary", new Page.LocatorOptions().setHasText("Add images, video or audio"))
                .click();
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload(name, type, bytes));
        if (alt != null) page.getByLabel("Description of attachment 1").fill(alt);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#feed article")
                        .filter(new Locator.FilterOptions().setHasText(text))
                        .first())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(PROCESSING_MS));
    }
}
