package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hallway.web.ComposeBox.assertKept;
import static org.hallway.web.ComposeBox.attach;
import static org.hallway.web.ComposeBox.fillEverything;
import static org.hallway.web.ComposeBox.post;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The compose box as a plain form, with JavaScript off: a refused attachment answers the compose page
 * again, the message next to the file fields and the text, content warning, audience and poll kept.
 */
class ComposeUploadErrorsWithoutScriptBrowserTest extends BrowserTest {

    @Test
    void aWrongTypeOfFileKeepsWhatWasTyped() {
        var page = signInWithoutScript(p.tom);
        fillEverything(page, "Minutes from the <b>offsite</b>", "Spoilers: budget");
        attach(page, new FilePayload("minutes.txt", "text/plain", "not a picture".getBytes(StandardCharsets.UTF_8)));
        post(page);

        assertThat(page.locator("#media-error")).containsText("not an image");
        assertKept(page, "Minutes from the <b>offsite</b>", "Spoilers: budget");

        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new java.nio.file.Path[0]);
        post(page);
        assertThat(page.locator("main")).containsText("Spoilers: budget");
        assertThat(page.locator("main .poll-result")).hasCount(2);
    }

    @Test
    void aFileOverTheLimitKeepsWhatWasTyped() throws Exception {
        var page = signInWithoutScript(p.bob);
        fillEverything(page, "Recording of the town hall", "Long video");
        // Larger than every limit (24 MiB in tests), given as a file, as a browser reads it from disk.
        var recording = Files.createTempFile("town-hall-", ".mp4");
        try {
            Files.write(recording, new byte[25 * 1024 * 1024]);
            page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                    .setInputFiles(recording);
            post(page);
            assertThat(page.locator("#media-error")).containsText("too large");
            assertKept(page, "Recording of the town hall", "Long video");
        } finally {
            Files.deleteIfExists(recording);
        }
        page.navigate("/@bob");
        assertThat(page.locator("main")).not().containsText("Recording of the town hall");
    }

    private Page signInWithoutScript(org.hallway.testing.Personas.Persona persona) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setViewportSize(1280, 900)
                .setJavaScriptEnabled(false));
        context.setDefaultTimeout(15_000);
        var page = signIn(persona, context.newPage());
        page.navigate("/");
        return page;
    }
}
