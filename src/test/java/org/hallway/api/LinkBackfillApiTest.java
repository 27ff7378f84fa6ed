package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.api.SearchApiTest.awaitFound;
import static org.hallway.api.SearchApiTest.found;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hallway.search.BackfillLinks;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Posts written before links were recorded count in link trends once the one-off backfill has run: it
 * goes through posts in batches, remembers where it stopped, and does nothing once finished.
 */
class LinkBackfillApiTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    BackfillLinks backfill;

    private static List<String> urls(Api api) {
        var body = api.get("/api/v1/trends/links?limit=20").body();
        var list = new ArrayList<String>();
        for (JsonNode l : body) list.add(l.get("url").asString());
        return list;
    }

    private static String uses(Api api, String url) {
        for (JsonNode l : api.get("/api/v1/trends/links?limit=20").body()) {
            if (l.get("url").asString().equals(url))
                return l.get("history").get(0).get("uses").asString();
        }
        return "0";
    }

    /** Makes the posts look as if written before link recording existed: no recorded links. */
    private void forgetLinks(String... postIds) {
        for (var id : postIds)
            jdbc.sql("delete from post_links where post_id = ?")
                    .param(Long.parseLong(id))
                    .update();
    }

    @Test
    void recordsTheLinksOfOlderPostsSoThatTrendsCountThem() {
        var a = post(bob, "Read https://old.example.com/handbook before Monday");
        var b = post(eve, "Also https://OLD.example.com/handbook?utm_source=mail and https://old.example.org/faq");
        var plain = post(tom, "Handbook questions, no link");
        await().atMost(Duration.ofSeconds(10)).until(() -> urls(alice).contains("https://old.example.com/handbook"));
        forgetLinks(a, b);
        assertThat(urls(alice)).doesNotContain("https://old.example.com/handbook", "https://old.example.org/faq");
        // As at the first start after the upgrade: the backfill has not run yet.
        jdbc.sql("delete from search_backfills").update();

        assertThat(backfill.run(1)).as("posts recorded, one per batch").isGreaterThanOrEqualTo(2);

        assertThat(urls(alice)).contains("https://old.example.com/handbook", "https://old.example.org/faq");
        assertThat(uses(alice, "https://old.example.com/handbook")).isEqualTo("2");
        awaitFound(alice, "handbook has:link", a);
        awaitFound(alice, "handbook has:link", b);
        assertThat(found(alice, "handbook has:link"))
                .containsExactlyInAnyOrder(a, b)
                .doesNotContain(plain);
        // Finished for good: another start does nothing.
        assertThat(backfill.run(500)).isZero();
        assertThat(jdbc.sql("select finished_at is not null from search_backfills where name = 'post_links'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void resumesAfterTheLastPostItRecordedBeforeARestart() {
        var a = post(bob, "Slides at https://resume.example.com/deck");
        var b = post(eve, "Same slides https://resume.example.com/deck");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> uses(alice, "https://resume.example.com/deck").equals("2"));
        forgetLinks(a, b);
        // The previous run stopped right after post a (whose links were then lost here on purpose, to
        // show that the resumed run does not go back to it).
        jdbc.sql("delete from search_backfills").update();
        jdbc.sql("insert into search_backfills (name, last_id) values ('post_links', ?)")
                .param(Long.parseLong(a))
                .update();

        assertThat(backfill.run(500)).isPositive();

        assertThat(uses(alice, "https://resume.example.com/deck")).isEqualTo("1");
    }
}
