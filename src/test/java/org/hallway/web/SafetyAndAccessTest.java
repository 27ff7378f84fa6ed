package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hallway.posts.CreatePost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a colleague types is shown as text; the pages work on a phone and by keyboard alone. */
class SafetyAndAccessTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Test
    void rendersHostilePostAndDisplayNameAsInertText() {
        var mallory = p.add("mallory", "<b>Mal</b><script>alert(2)</script>", "<i>Hacker</i>", "Red team", "", null);
        var hostile = "Look <script>alert(1)</script> and <img src=x onerror=alert(1)> here";
        createPost.handle(mallory.viewer(), new CreatePost.Command(hostile, null, "public", null, false, null, null));

        var page = signIn(p.eve);
        var dialogs = new AtomicBoolean();
        page.onDialog(d -> {
            dialogs.set(true);
            d.dismiss();
        });
        page.navigate("/company");
        var card = page.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Look"));
        assertThat(card.locator(".content")).containsText("<script>alert(1)</script>");
        assertThat(card.locator(".content")).containsText("<img src=x onerror=alert(1)>");
        assertThat(card.locator(".name")).hasText("<b>Mal</b><script>alert(2)</script>");
        assertThat(card.locator(".work")).containsText("<i>Hacker</i>");
        assertThat(page.locator("main script")).hasCount(0);
        assertThat(page.locator("[onerror]")).hasCount(0);
        assertThat(page.locator("main b, main i")).hasCount(0);
        page.navigate("/@mallory");
        assertThat(page.locator("#profile-name")).hasText("<b>Mal</b><script>alert(2)</script>");
        assertThat(page.locator("main script")).hasCount(0);
        assertThat(dialogs.get()).isFalse();
    }

    @Test
    void homePageFitsAPhoneAndComposeWorksThere() {
        var page = signIn(p.tom, newPage(375, 812));
        int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        var box = page.getByLabel("Share something with your colleagues");
        assertThat(box).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .isVisible();
        box.fill("Posting from my phone, see https://example.com/a/very/long/path/that/should/count/as/twenty-three");
        // 27 characters of text and a link that counts as 23, whatever its length.
        assertThat(page.locator("#compose-count")).hasText("4,950 left");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#feed article").first()).containsText("Posting from my phone");
        overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
        assertThat(overflow).isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-home-375.png"))
                .setFullPage(true));
    }

    @Test
    void composeByKeyboardAloneWithVisibleFocus() {
        var page = signIn(p.bob);
        page.navigate("/");
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        assertThat(page.locator(".skip-link")).isInViewport();
        tabUntil(page, "#compose-text");
        assertThat(outline(page)).isNotEqualTo("none");
        page.keyboard().type("Typed without a mouse");
        tabUntil(page, "#compose button[type=submit]");
        assertThat(outline(page)).isNotEqualTo("none");
        page.keyboard().press("Enter");
        assertThat(page.locator("#feed article").first()).containsText("Typed without a mouse");
    }

    @Test
    void emptyOrTooLongPostShowsErrorNextToTheTextarea() {
        var page = signIn(p.alice);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#compose-error")).hasText("Text can't be blank");
        assertThat(page.locator("#compose-text")).hasAttribute("aria-invalid", "true");
        page.locator("#compose-text").fill("x".repeat(5001));
        assertThat(page.locator("#compose-count")).hasText("1 too many");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        assertThat(page.locator("#compose-error")).containsText("Text is too long");
        assertThat(page.locator("#compose-text")).hasValue("x".repeat(5001));
    }

    @Test
    void unknownPostsAndProfilesAnswerNotFound() {
        var page = signIn(p.eve);
        var response = page.navigate("/@alice/12345");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");
        assertThat(page.navigate("/@nobody_here").status()).isEqualTo(404);
        assertThat(page.navigate("/no/such/page").status()).isEqualTo(404);
    }

    @Test
    void signedOutPagesAreMarkedWithTheBrowsersLanguageWhenHallwayOffersIt() {
        var swiss = signedOut("de-CH,fr;q=0.8");
        swiss.navigate("/login");
        assertThat(swiss.locator("html")).hasAttribute("lang", "de");
        assertThat(swiss.navigate("/css/no-such.css").status()).isEqualTo(404);
        assertThat(swiss.locator("h1")).hasText("Not found");
        assertThat(swiss.locator("html")).hasAttribute("lang", "de");

        var russian = signedOut("ru-RU,ru;q=0.9");
        russian.navigate("/login");
        assertThat(russian.locator("html")).hasAttribute("lang", "en");
        assertThat(russian.navigate("/css/no-such.css").status()).isEqualTo(404);
        assertThat(russian.locator("html")).hasAttribute("lang", "en");
    }

    @Test
    void setupIsOfferedOnlyOnce() {
        var page = newPage();
        page.navigate("/setup");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        signIn(p.alice, page);
        page.navigate("/setup");
        assertThat(page).hasURL(baseUrl() + "/");
    }

    /** A signed-out browser whose reader asks for these languages ({@code Accept-Language}). */
    private Page signedOut(String acceptLanguage) {
        return browser.newContext(new Browser.NewContextOptions()
                        .setBaseURL(baseUrl())
                        .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)))
                .newPage();
    }

    private static void tabUntil(Page page, String selector) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.locator(selector).evaluate("e => e === document.activeElement")) return;
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private static String outline(Page page) {
        return (String) page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
    }
}
