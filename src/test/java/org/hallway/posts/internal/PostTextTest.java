package org.hallway.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostTextTest {
    private static PostText.Rendered render(String text) {
        return PostText.render(
                text, name -> name.equals("bob") ? Optional.of(new PostText.Mentioned(7, "bob")) : Optional.empty());
    }

    @Test
    void rendersTheMarkdownSubset() {
        var html = render("**bold** and *italic* and `code`\n\n- one\n- two\n\n1. first\n\n```\nblock\n```")
                .html();
        assertThat(html)
                .contains(
                        "<strong>bold</strong>",
                        "<em>italic</em>",
                        "<code>code</code>",
                        "<ul>",
                        "<li>one</li>",
                        "<ol>",
                        "<pre><code>block");
    }

    @Test
    void keepsLineBreaksInsideAParagraph() {
        assertThat(render("line one\nline two").html()).isEqualTo("<p>line one<br />line two</p>");
    }

    @Test
    void linksHashtagsMentionsAndUrls() {
        var rendered = render("Kick-off for #Launch, @bob and @nobody see https://example.com/plan");
        assertThat(rendered.tags()).containsExactly("launch");
        assertThat(rendered.mentions()).containsExactly(new PostText.Mentioned(7, "bob"));
        // The sanitizer writes '@' as the entity &#64;, which every HTML parser reads back as '@'.
        assertThat(rendered.html())
                .contains("href=\"/tags/launch\"", "class=\"mention hashtag\"", ">#<span>Launch</span></a>")
                .contains("href=\"/&#64;bob\"", "class=\"u-url mention\"")
                .contains("&#64;nobody")
                .contains("href=\"https://example.com/plan\"")
                .doesNotContain("/&#64;nobody");
    }

    @Test
    void showsHtmlAndScriptsAsText() {
        var html = render("<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))")
                .html();
        assertThat(html).doesNotContain("<script", "<img", "javascript:").contains("&lt;script&gt;");
    }

    @Test
    void leavesHeadingsAndImagesOut() {
        var html = render("# Not a heading\n\n![diagram](https://example.com/d.png)")
                .html();
        assertThat(html)
                .doesNotContain("<h1", "<img")
                .contains("# Not a heading")
                .contains("href=\"https://example.com/d.png\"");
    }

    @Test
    void doesNotLinkHashtagsInsideCode() {
        var rendered = render("`#notatag` but #real");
        assertThat(rendered.tags()).containsExactly("real");
    }

    @Test
    void countsUrlsAsTwentyThreeCharacters() {
        var url = "https://example.com/" + "a".repeat(100);
        assertThat(PostText.length("see " + url)).isEqualTo(4 + PostText.URL_LENGTH);
        assertThat(PostText.length("héllo 👋")).isEqualTo(7);
    }
}
