package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hallway.identity.Account;
import org.hallway.posts.Post;
import org.hallway.posts.PostView;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.Memo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A post row's status strings are made once, kept in the row's memo and shared, and made again when a
 * name in them changes or the memo holds another row's.
 */
class StatusStringsTest {
    private static final String BASE = "https://hallway.example";
    private final Memo memo = new Memo();
    private final Post post = post("<p>Hi <a href=\"/@tom\">@tom</a> <a href=\"/tags/ops\">#Ops</a></p>", null);

    @Test
    void statusesOfOneRowShareTheirStrings() {
        var first = StatusStrings.of(view(post, "bob", "tom"), BASE);
        var again = StatusStrings.of(view(post, "bob", "tom"), BASE);

        assertThat(again).isSameAs(first);
        assertThat(first.url()).isEqualTo(BASE + "/@bob/7");
        assertThat(first.uri()).isEqualTo(BASE + "/users/bob/statuses/7");
        assertThat(first.createdAt()).isEqualTo("2026-12-01T09:30:00.000Z");
        assertThat(first.content()).contains("href=\"" + BASE + "/@tom\"");
        assertThat(first.mentions()).singleElement().satisfies(m -> assertThat(m.url())
                .isEqualTo(BASE + "/@tom"));
        assertThat(first.tags()).singleElement().satisfies(t -> assertThat(t.url())
                .isEqualTo(BASE + "/tags/ops"));
    }

    @Test
    void aRenamedAuthorOrMentionedColleagueOrAnotherBaseMakesThemAgain() {
        var first = StatusStrings.of(view(post, "bob", "tom"), BASE);

        assertThat(StatusStrings.of(view(post, "robert", "tom"), BASE).url()).isEqualTo(BASE + "/@robert/7");
        assertThat(StatusStrings.of(view(post, "bob", "thomas"), BASE).mentions())
                .singleElement()
                .satisfies(m -> assertThat(m.username()).isEqualTo("thomas"));
        assertThat(StatusStrings.of(view(post, "bob", "tom"), "https://other.example")
                        .url())
                .isEqualTo("https://other.example/@bob/7");
        var back = StatusStrings.of(view(post, "bob", "tom"), BASE);
        assertThat(back).isNotSameAs(first);
        assertThat(back.url()).isEqualTo(first.url());
    }

    @Test
    void aRowReadAgainIsMadeAgain() {
        var first = StatusStrings.of(view(post, "bob", "tom"), BASE);
        var edited = post("<p>Hello</p>", Instant.parse("2026-12-01T10:00:00Z"));

        // The memo still holds the strings of the row read before.
        var second = StatusStrings.of(view(edited, "bob", "tom"), BASE);

        assertThat(second).isNotSameAs(first);
        assertThat(second.content()).isEqualTo("<p>Hello</p>");
        assertThat(second.editedAt()).isEqualTo("2026-12-01T10:00:00.000Z");
    }

    /** Post 7 by colleague 2, written at 09:30. */
    private static Post post(String html, @Nullable Instant editedAt) {
        return new Post(
                7,
                1,
                2,
                PostVisibility.PUBLIC,
                "",
                html,
                "",
                false,
                "en",
                null,
                null,
                null,
                Instant.parse("2026-12-01T09:30:00Z"),
                editedAt,
                0,
                0,
                0,
                null);
    }

    /** A view of {@code post} with the memo of this test's row. */
    private PostView view(Post post, String author, String mentioned) {
        return new PostView(
                post,
                account(2, author),
                List.of("ops"),
                List.of(account(3, mentioned)),
                null,
                false,
                false,
                false,
                null,
                false,
                memo);
    }

    private static Account account(long id, String username) {
        return new Account(
                id,
                1,
                username,
                username + "@example.com",
                username,
                "",
                "",
                "",
                "",
                null,
                Account.Role.MEMBER,
                true,
                Instant.EPOCH);
    }
}
