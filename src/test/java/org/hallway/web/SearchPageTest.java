package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hallway.audience.Visibility;
import org.hallway.groups.CreateGroup;
import org.hallway.posts.CreatePost;
import org.hallway.search.SearchIndex;
import org.hallway.search.SearchQuery;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The search page through a browser: the box in the navigation, results with reasons, chips, tabs, experts. */
class SearchPageTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    SearchIndex index;

    @Autowired
    Visibility visibility;

    @Autowired
    CreateGroup createGroup;

    long open;
    long secret;

    @BeforeAll
    void posts() {
        open = write(p.bob, "Lemur budget review is ready #lemurs https://wiki.example.com/lemur", "public");
        write(p.bob, "Lemur habitat notes for the team", "public");
        secret = write(p.bob, "Lemur secretplan for followers", "private");
        awaitIndexed(p.bob, "lemur secretplan", secret);
        awaitIndexed(p.alice, "lemur budget", open);
    }

    @Test
    void searchesFromTheNavigationAndExplainsTheRanking() {
        var page = signIn(p.alice);
        page.getByRole(
                        AriaRole.SEARCHBOX,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .fill("lemur budget");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("/search?q=lemur"));
        var card = page.locator(".hit").filter(new Locator.FilterOptions().setHasText("Lemur budget review"));
        assertThat(card).hasCount(1);
        assertThat(card.locator(".why")).containsText("Why:");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Posts")))
                .hasAttribute("aria-current", "page");

        var experts = page.locator(".experts");
        assertThat(experts).containsText("Who knows about this");
        assertThat(experts).containsText("Bob Brown");
        experts.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ask @bob"))
                .click();
        assertThat(page.getByLabel("Share something with your colleagues"))
                .hasValue(java.util.regex.Pattern.compile("^@bob .*lemur.*"));
    }

    @Test
    void showsFiltersAsChipsThatCanBeRemoved() {
        var page = signIn(p.alice);
        page.navigate("/search?q=" + enc("lemur from:@bob has:link"));
        assertThat(page.locator(".chips")).containsText("from: @bob");
        assertThat(page.locator(".chips")).containsText("has a link");
        assertThat(page.locator(".hit")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove filter has a link"))
                .click();
        assertThat(page.locator(".chips")).not().containsText("has a link");
        assertThat(page.locator(".hit")).hasCount(2);

        page.navigate("/search?type=people&q=" + enc("Brown"));
        assertThat(page.locator("#results")).containsText("Bob Brown");
        page.navigate("/search?type=hashtags&q=" + enc("#lem"));
        assertThat(page.locator("#results")).containsText("#lemurs");
    }

    @Test
    void restrictsTheSearchToOneOfTheReadersGroups() {
        var lab = createGroup
                .handle(p.alice.viewer(), new CreateGroup.Command("Lemur Lab", "", "secret"))
                .id();
        var inLab = createPost
                .handle(
                        p.alice.viewer(),
                        new CreatePost.Command("Lemur feeding schedule", null, null, null, false, null, null, lab))
                .id();
        awaitIndexed(p.alice, "lemur feeding", inLab);
        var page = signIn(p.alice);
        page.navigate("/search?q=" + enc("lemur"));
        page.getByLabel("Only in one of your groups").selectOption("Lemur Lab");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .click();
        assertThat(page.locator(".chips")).containsText("in: Lemur Lab");
        assertThat(page.locator(".hit")).hasCount(1);
        assertThat(page.locator(".hit")).containsText("Lemur feeding schedule");
        assertThat(page.getByLabel("Only in one of your groups")).hasValue("Lemur Lab");
        page.getByLabel("Only in one of your groups").selectOption("");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .click();
        assertThat(page.locator(".chip").filter(new Locator.FilterOptions().setHasText("Lemur Lab")))
                .hasCount(0);
        assertThat(page.locator(".hit").filter(new Locator.FilterOptions().setHasText("Lemur budget review")))
                .hasCount(1);

        // Eve is no member: the secret group is not offered, and naming it finds nothing.
        var eve = signIn(p.eve);
        eve.navigate("/search?q=" + enc("lemur in:\"Lemur Lab\""));
        assertThat(eve.locator("#search-group option").filter(new Locator.FilterOptions().setHasText("Lemur Lab")))
                .hasCount(0);
        assertThat(eve.locator(".hit")).hasCount(0);
    }

    @Test
    void keepsFollowersOnlyPostsFromOthersAndExplainsBadInput() {
        var eve = signIn(p.eve);
        eve.navigate("/search?q=" + enc("secretplan"));
        assertThat(eve.locator(".hit")).hasCount(0);
        assertThat(eve.locator("#results")).containsText("No post matches");

        eve.navigate("/search?q=" + enc("lemur color:red"));
        assertThat(eve.locator("#search-error")).containsText("Unknown search operator");
        assertThat(eve.getByLabel("Search posts, people and hashtags")).hasValue("lemur color:red");

        eve.navigate("/search?q=" + enc("<script>alert(1)</script> \"unclosed"));
        assertThat(eve.locator("#results")).containsText("No post matches “<script>alert(1)</script> \"unclosed”");
    }

    @Test
    void letsAnAdministratorRebuildTheIndex() {
        var page = signIn(p.admin);
        page.navigate("/admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild the search index"))
                .click();
        assertThat(page.locator(".notice")).containsText("search index");
        await().atMost(Duration.ofSeconds(60)).until(() -> !index.status().rebuilding());
        var alice = signIn(p.alice);
        alice.navigate("/search?q=" + enc("lemur budget"));
        assertThat(alice.locator(".hit")).hasCount(1);
    }

    @Test
    void exploreShowsTrendingHashtagsAndWhoToFollow() {
        var page = signIn(p.tom);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Explore"))
                .click();
        assertThat(page.locator(".trends")).containsText("#lemurs");
        assertThat(page.locator(".suggestions")).containsText("Alice Adams");
        assertThat(page.locator(".suggestions")).containsText("In your team");
        // Links are written down after the post is committed: reload until the link trend shows.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.navigate("/explore");
            return page.locator(".link-trends").count() == 1;
        });
        assertThat(page.locator(".link-trends")).containsText("wiki.example.com");
        assertThat(page.locator(".link-trends a")).hasAttribute("href", "https://wiki.example.com/lemur");
        page.getByLabel("Department").fill("Finance");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.locator("#main")).containsText("Nothing is trending right now.");
        assertThat(page.locator("#main")).containsText("No link is trending right now.");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long write(Persona author, String text, String vis) {
        return createPost
                .handle(author.viewer(), new CreatePost.Command(text, null, vis, null, false, null, null))
                .id();
    }

    private void awaitIndexed(Persona viewer, String q, long id) {
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        index.posts(visibility.audienceOf(viewer.viewer()), SearchQuery.parse(q), null, 10).stream()
                                .anyMatch(h -> h.id() == id));
    }
}
