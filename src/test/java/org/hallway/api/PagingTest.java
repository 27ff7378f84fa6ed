package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The Link header's URLs keep the request's other parameters exactly as Spring's URI builder did. */
class PagingTest {

    @Test
    void keepsTheOtherParametersAsTheUriBuilderDid() {
        for (var query : new String[] {
            null,
            "",
            "limit=20",
            "max_id=5",
            "limit=20&max_id=5&since_id=3&min_id=1",
            "types[]=mention&limit=2&types[]=favourite",
            "exclude_types%5B%5D=follow&max_id=9&q=a%20b&flag&empty=",
            "min_id=1&limit=40&local=true&limit=10",
        }) {
            assertThat("/x?" + Paging.keptQuery(query) + "max_id=7")
                    .as(query)
                    .isEqualTo(builder(query, "max_id", "min_id"));
            assertThat("/x?" + Paging.keptQuery(query) + "min_id=7")
                    .as(query)
                    .isEqualTo(builder(query, "min_id", "max_id"));
        }
    }

    /** The previous implementation of the Link header's URLs. */
    private static String builder(String query, String set, String drop) {
        return UriComponentsBuilder.fromUriString("/x")
                .query(query)
                .replaceQueryParam(drop)
                .replaceQueryParam("since_id")
                .replaceQueryParam(set, 7)
                .build()
                .toUriString();
    }
}
