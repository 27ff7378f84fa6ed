package org.hallway.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hallway.search.lucene.LuceneIndexRecoveryTest.awaitRebuilt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.hallway.audience.Audience;
import org.hallway.audience.Visibility;
import org.hallway.search.PostDoc;
import org.hallway.search.SearchIndex;
import org.hallway.search.SearchIndex.Candidates;
import org.hallway.search.SearchQuery;
import org.hallway.search.SearchSource;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search weighs the best text matches among the newest matches (ADR 0069), on an index kept newest
 * first; an index written in the older order keeps answering until the rebuild at start replaces it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCandidatesTest extends HallwayTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String HANDLE = "quokka_keeper";

    @Autowired
    SearchSource source;

    @Autowired
    Visibility visibility;

    @Autowired
    PersonaFactory factory;

    Personas p;
    Audience audience;

    @BeforeAll
    void personas() {
        p = factory.create();
        audience = visibility.audienceOf(p.alice.viewer());
    }

    @Test
    void weighsTheBestMatchesAmongTheNewest(@TempDir Path root) {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            // Written out of time order: the index keeps them newest first whatever the order of writing.
            index.upsertPost(post(9_000_001, "quokka quokka quokka", 10 * 24));
            index.upsertPost(post(9_000_005, "the quokka came up at the end of a long talk about other things", 1));
            index.upsertPost(post(9_000_002, "quokka quokka", 9 * 24));
            index.refresh(); // a segment of its own: the newest matches come from both
            index.upsertPost(post(9_000_004, "quokka quokka sighting", 2));
            index.upsertPost(post(9_000_003, "a note about the office move, the budget, and a quokka", 3));
            index.refresh();

            // Of the three newest, the two best matches: the old posts that repeat the word are not weighed.
            assertThat(ids(index, "quokka", new Candidates(3, 2))).containsExactly(9_000_004L, 9_000_003L);
            // A window over every match reaches back to them.
            assertThat(ids(index, "quokka", new Candidates(5, 2))).containsExactly(9_000_001L, 9_000_002L);
            // The newest two, best match first.
            assertThat(ids(index, "quokka", Candidates.newest(2))).containsExactly(9_000_004L, 9_000_005L);
            // Without words, newest first.
            assertThat(ids(index, "from:@" + HANDLE, Candidates.newest(3)))
                    .containsExactly(9_000_005L, 9_000_004L, 9_000_003L);
        }
    }

    @Test
    void takesTheNewestAcrossSegmentsWhoseTimesInterleave(@TempDir Path root) {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            // Four segments of six posts each, their times shuffled across the segments; then one post is
            // deleted and one rewritten, which leaves deleted documents behind in their old segments.
            var hoursAgo = new HashMap<Long, Integer>();
            for (int i = 0; i < 24; i++) {
                long id = 9_100_000 + i;
                hoursAgo.put(id, i * 7 % 24 + 1);
                index.upsertPost(post(id, "okapi sighting number " + i, hoursAgo.get(id)));
                if (i % 6 == 5) index.refresh();
            }
            index.deletePost(9_100_001);
            hoursAgo.remove(9_100_001L);
            index.upsertPost(post(9_100_002, "okapi sighting, corrected", hoursAgo.get(9_100_002L)));
            index.refresh();

            var newestFirst = hoursAgo.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .toList();
            for (int wanted : List.of(1, 2, 5, 6, 7, 12, 13, 22, 23, 40)) {
                assertThat(ids(index, "from:@" + HANDLE, Candidates.newest(wanted)))
                        .as("the %d newest", wanted)
                        .containsExactlyElementsOf(newestFirst.subList(0, Math.min(wanted, newestFirst.size())));
            }
        }
    }

    @Test
    void opensAnIndexInTheOlderOrderAndRebuildsItNewestFirst(@TempDir Path root) throws IOException {
        var older = root.resolve("gen-1-0");
        try (var writer =
                new IndexWriter(FSDirectory.open(older), new IndexWriterConfig(LuceneSearchIndex.analyzer()))) {
            writer.addDocument(Documents.post(post(9_000_010, "wombat census", 5)));
            writer.addDocument(Documents.post(post(9_000_011, "wombat count, part two", 4)));
            writer.setLiveCommitData(
                    Map.of(Generation.THROUGH, Long.toString(System.currentTimeMillis()), Generation.SCHEMA, "4")
                            .entrySet());
            writer.commit();
        }
        Files.writeString(root.resolve("current"), "gen-1-0");

        var opened = Generation.open(older, false, LuceneSearchIndex.analyzer());
        try {
            assertThat(opened.writer().getConfig().getIndexSort()).isNull();
            // One segment, oldest first as written, yet the newest match is the one found.
            var searches = new Searches(() -> opened, new Queries(LuceneSearchIndex.analyzer()));
            assertThat(
                            searches
                                    .posts(
                                            audience,
                                            SearchQuery.parse("wombat"),
                                            null,
                                            null,
                                            Set.of(),
                                            Candidates.newest(1))
                                    .stream()
                                    .map(SearchIndex.PostHit::id))
                    .containsExactly(9_000_011L);
        } finally {
            opened.close();
        }

        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            var current = root.resolve(Files.readString(root.resolve("current")).strip());
            assertThat(current).isNotEqualTo(older);
            for (var segment : SegmentInfos.readLatestCommit(FSDirectory.open(current))) {
                assertThat(segment.info.getIndexSort()).isEqualTo(Documents.NEWEST_FIRST);
            }
            // The rebuilt index holds what the database holds: these documents were the index's alone.
            assertThat(ids(index, "wombat", Candidates.newest(10))).isEmpty();
            index.upsertPost(post(9_000_012, "wombat census results", 1));
            index.refresh();
            assertThat(ids(index, "wombat", Candidates.newest(10))).containsExactly(9_000_012L);
        }
    }

    private PostDoc post(long id, String text, int hoursAgo) {
        var author = p.bob.account();
        return new PostDoc(
                id,
                audience.networkId(),
                author.id(),
                HANDLE,
                "Engineering",
                "public",
                null,
                text,
                List.of(),
                List.of(),
                false,
                null,
                NOW.minus(Duration.ofHours(hoursAgo)),
                List.of(),
                List.of());
    }

    private List<Long> ids(SearchIndex index, String q, Candidates candidates) {
        return index.posts(audience, SearchQuery.parse(q), null, null, Set.of(), candidates).stream()
                .map(SearchIndex.PostHit::id)
                .toList();
    }
}
