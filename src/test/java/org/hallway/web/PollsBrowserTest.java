package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import org.hallway.polls.EndPolls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Composing a poll, voting in it with htmx, and reading its results once it has ended. */
class PollsBrowserTest extends BrowserTest {
    @Autowired
    EndPolls endPolls;

    @Autowired
    Clock clock;

    @Test
    void colleaguesComposeVoteAndSeeResults() {
        var alice = signIn(p.alice);
        alice.getByLabel("Share something with your colleagues").fill("Where do we meet for the offsite?");
        alice.locator("summary")
                .filter(new Locator.FilterOptions().setHasText("Add a poll"))
                .click();
        alice.getByLabel("Option 1").fill("Lisbon");
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        // One option is no poll: the message sits next to the options, which keep what was typed.
        assertThat(alice.locator("#poll-error")).hasText("A poll needs at least 2 options");
        assertThat(alice.getByLabel("Option 1")).hasValue("Lisbon");
        assertThat(alice.locator("#feed")).not().containsText("Where do we meet");

        alice.getByLabel("Option 2").fill("<b>Berlin</b>");
        alice.getByLabel("Option 3").fill("Remote");
        alice.getByLabel("Runs for").selectOption("3600");
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        var own = alice.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Where do we meet"))
                .first();
        // The author sees the standings, not a ballot.
        assertThat(own.locator(".poll-result")).hasCount(3);
        assertThat(own.locator(".poll-result").nth(1)).containsText("<b>Berlin</b>");
        assertThat(own.locator(".poll")).containsText("0 votes");
        assertThat(own.locator(".poll")).containsText("left");
        assertThat(own.locator("button.poll-vote")).hasCount(0);

        var bob = signIn(p.bob);
        bob.navigate("/company");
        var card = bob.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Where do we meet"))
                .first();
        card.locator("button.poll-vote").click();
        assertThat(card.locator(".poll .field-error")).hasText("Choose an option");
        card.getByLabel("Remote").check();
        card.locator("button.poll-vote").click();
        assertThat(card.locator(".poll-result.chosen")).containsText("Remote");
        assertThat(card.locator(".poll-result.chosen .poll-percent")).hasText("100%");
        assertThat(card.locator(".poll")).containsText("1 vote");
        bob.reload();
        assertThat(bob.locator("#feed article")
                        .filter(new Locator.FilterOptions().setHasText("Where do we meet"))
                        .first()
                        .locator(".poll-result.chosen"))
                .containsText("Remote");

        endPolls.handle(clock.instant().plus(Duration.ofHours(2)));
        var tom = signIn(p.tom);
        tom.navigate("/company");
        var ended = tom.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Where do we meet"))
                .first();
        assertThat(ended.locator(".poll")).containsText("Final results");
        assertThat(ended.locator("button.poll-vote")).hasCount(0);
        assertThat(ended.locator(".poll-result").nth(2).locator(".poll-percent"))
                .hasText("100%");
    }
}
