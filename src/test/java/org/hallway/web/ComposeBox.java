package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The compose box as the upload-error tests use it, with and without JavaScript: everything a colleague
 * can type besides the files (text, content warning, audience, poll), posting, and checking that all
 * of it is still there after a refusal.
 */
final class ComposeBox {
    private ComposeBox() {}

    /** Types the text and warning, picks "private" and a tea-or-coffee poll of an hour, opens the file fields. */
    static void fillEverything(Page page, String text, String warning) {
        page.getByLabel("Share something with your colleagues").fill(text);
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Add a content warning"))
                .click();
        page.getByLabel("Content warning").fill(warning);
        page.getByLabel("Who can see this").selectOption("private");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Add a poll"))
                .click();
        page.getByLabel("Option 1").fill("Tea");
        page.getByLabel("Option 2").fill("Coffee");
        page.getByLabel("Runs for").selectOption("3600");
        page.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Add images, video or audio"))
                .click();
    }

    static void attach(Page page, FilePayload file) {
        page.getByLabel("Attachment 1", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(file);
    }

    static void post(Page page) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
    }

    /** What {@link #fillEverything} typed is all still in the compose box. */
    static void assertKept(Page page, String text, String warning) {
        assertThat(page.getByLabel("Share something with your colleagues")).hasValue(text);
        assertThat(page.getByLabel("Content warning")).hasValue(warning);
        assertThat(page.getByLabel("Who can see this")).hasValue("private");
        assertThat(page.getByLabel("Option 1")).hasValue("Tea");
        assertThat(page.getByLabel("Option 2")).hasValue("Coffee");
        assertThat(page.getByLabel("Runs for")).hasValue("3600");
    }
}
