package org.hallway.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base for tests through a real browser: Debian's Chromium driven by Playwright, one browser per
 * test class, one browser context (cookies, session) per persona, in a fresh network of personas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    protected Personas p;
    private Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        p = factory.create();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setArgs(List.of(
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A new page in a browser context of its own (no shared cookies), at desktop size. */
    protected Page newPage() {
        return newPage(1280, 900);
    }

    protected Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Signs in through the login page, as a colleague would. */
    protected Page signIn(Personas.Persona persona) {
        return signIn(persona, newPage());
    }

    protected Page signIn(Personas.Persona persona, Page page) {
        page.navigate("/login");
        page.getByLabel("Work e-mail").fill(persona.email());
        page.getByLabel("Password").fill(Personas.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }
}
