package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hallway.web.ComposeBox.assertKept;
import static org.hallway.web.ComposeBox.attach;
import static org.hallway.web.ComposeBox.fillEverything;
import static org.hallway.web.ComposeBox.post;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A refused attachment in the compose box: the message sits next to the file fields and everything
 * typed (text, content warning, audience, poll) is still there to post again.
 */
class ComposeUploadErrorsBrowserTest extends BrowserTest {

    @Test
    void aWrongTypeOfFileKeepsWhatWasTyped() {
        var page = signIn(p.tom);
        fillEverything(page, "Minutes from the <b>offsite</b>", "Spoilers: budget");
        attach(page, new FilePayload("minutes.txt", "text/plain", "not a picture".getBytes(StandardCharsets.UTF_8)));
        post(page);

        assertThat(page.locator("#media-error")).isVisible();
        assertThat(page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        assertKept(page, "Minutes from the <b>offsite</b>", "Spoilers: budget");
        assertThat(page.locator("#feed")).not().containsText("Minutes from the");

        // Posting again without the file works, with the content warning.
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new java.nio.file.Path[0]);
        post(page);
        var card = page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Spoilers: budget"))
                .first();
        assertThat(card).isVisible();
        assertThat(card.locator(".poll-result")).hasCount(2);
        assertThat(page.getByLabel("Share something with your colleagues")).hasValue("");
    }

    @Test
    void aFileOverTheLimitKeepsWhatWasTyped() throws Exception {
        var page = signIn(p.bob);
        fillEverything(page, "Recording of the all-hands", "Long video");
        // Larger than every limit (24 MiB in tests), given as a file, as a browser reads it from disk.
        var recording = Files.createTempFile("all-hands-", ".mp4");
        try {
            Files.write(recording, new byte[25 * 1024 * 1024]);
            page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(recording);
            post(page);
            assertThat(page.locator("#media-error")).containsText("too large");
            assertKept(page, "Recording of the all-hands", "Long video");
        } finally {
            Files.deleteIfExists(recording);
        }
        page.navigate("/@bob");
        assertThat(page.locator("main")).not().containsText("Recording of the all-hands");
    }
}
