package org.hallway.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * A JSON answer that fits the response buffer goes out whole, with its length; a larger one goes out
 * in chunks and still arrives whole (ADR 0059).
 */
class WholeResponsesApiTest extends ApiTest {
    @Test
    void aPageOfStatusesComesWithItsLength() {
        var author = author("wholepage");
        var posted = postMany(author, 20, 900);

        var page = author.get("/api/v1/accounts/" + accountId(author) + "/statuses?limit=20");

        assertThat(page.status()).isEqualTo(200);
        int bytes = page.raw().body().getBytes(UTF_8).length;
        assertThat(bytes).isGreaterThan(8 * 1024).isLessThan(WholeResponseConfig.RESPONSE_BUFFER);
        assertThat(page.raw().headers().firstValue("content-length")).hasValue(Integer.toString(bytes));
        assertThat(page.raw().headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(ids(page.body())).isEqualTo(posted);
    }

    @Test
    void aPageLargerThanTheBufferArrivesWholeInChunks() {
        var author = author("wholelarge");
        var posted = postMany(author, 40, 4_000);

        var page = author.get("/api/v1/accounts/" + accountId(author) + "/statuses?limit=40");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body().getBytes(UTF_8).length).isGreaterThan(2 * WholeResponseConfig.RESPONSE_BUFFER);
        assertThat(page.raw().headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(ids(page.body())).isEqualTo(posted);
        assertThat(page.body().get(0).get("content").asString()).contains("Post 39 of 40");
    }

    private Api author(String username) {
        return anonymous.as(p.add(username, username, "", "", "", null).token());
    }

    private static String accountId(Api api) {
        return api.get("/api/v1/accounts/verify_credentials").body().get("id").asString();
    }

    /** Posts {@code count} statuses of about {@code length} characters; their ids, newest first. */
    private static ArrayList<String> postMany(Api author, int count, int length) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var text = "Post " + i + " of " + count + ": " + "lorem ipsum dolor sit amet ".repeat(length / 27);
            ids.add(post(author, text));
        }
        Collections.reverse(ids);
        return ids;
    }
}
