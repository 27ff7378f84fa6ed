package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextEntitiesTest {
    /** Pieces that make twitter-text's patterns decide at their edges, blanks of several kinds among them. */
    private static final String[] PIECES = {
        "#",
        "＃",
        "@",
        "＠",
        "$",
        "&",
        "a",
        "Z",
        "é",
        "日本",
        "1",
        "_",
        "-",
        ".",
        ":",
        "/",
        "!",
        "?",
        "'",
        "(",
        ")",
        "https://",
        "http://example.com/path#frag",
        "example.com",
        "RT",
        "RT:",
        "@bob/team",
        "$AAPL",
        "#Launch",
        "\uFE0F",
        "\u20E3",
        "\u00a0",
        "\u3000",
        "a@b.com",
        "mailto:",
        " ",
        " ",
        " ",
        "\n",
        "\t"
    };

    @Test
    void findsWordByWordWhatTheWholeTextHolds() {
        var whole = new Extractor();
        whole.setExtractURLWithoutProtocol(false);
        for (var text : texts()) {
            assertThat(TextEntities.all(text)).as(text).isEqualTo(found(whole.extractEntitiesWithIndices(text)));
            assertThat(TextEntities.links(text)).as(text).isEqualTo(found(whole.extractURLsWithIndices(text)));
        }
    }

    @Test
    void placesEachEntityInTheWholeText() {
        var text = "Kick-off for #Launch,\n@bob see https://example.com/plan";
        assertThat(TextEntities.all(text))
                .extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly("#Launch", "@bob", "https://example.com/plan");
        assertThat(TextEntities.links(text))
                .extracting(TextEntities.Found::value)
                .containsExactly("https://example.com/plan");
    }

    private static List<String> texts() {
        var texts = new ArrayList<>(List.of(
                "Kick-off for #Launch, @bob and @nobody see https://example.com/plan",
                "https://example.com/#anchor and x#y and ##two and #1 and #a#b",
                "RT @bob: $AAPL up, mail a@b.com or @bob@example.com ＃日本 #\uFE0F"));
        var random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            var text = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) text.append(PIECES[random.nextInt(PIECES.length)]);
            texts.add(text.toString());
        }
        return texts;
    }

    private static List<TextEntities.Found> found(List<Extractor.Entity> entities) {
        return entities.stream()
                .map(e -> new TextEntities.Found(e.getType(), e.getValue(), e.getStart(), e.getEnd()))
                .toList();
    }
}
