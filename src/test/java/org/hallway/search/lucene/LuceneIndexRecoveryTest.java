package org.hallway.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.NIOFSDirectory;
import org.hallway.audience.Visibility;
import org.hallway.posts.CreatePost;
import org.hallway.search.SearchIndex;
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

/** A missing, damaged or half-written index is rebuilt from the database at start, with no manual step. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneIndexRecoveryTest extends HallwayTest {
    @Autowired
    SearchSource source;

    @Autowired
    Visibility visibility;

    @Autowired
    CreatePost createPost;

    @Autowired
    PersonaFactory factory;

    Personas p;
    long postId;

    @BeforeAll
    void writePost() {
        p = factory.create();
        postId = createPost
                .handle(
                        p.bob.viewer(),
                        new CreatePost.Command("Meerkat recovery drill", null, "public", null, false, null, null))
                .id();
    }

    @Test
    void buildsAMissingIndexFromTheDatabase(@TempDir Path root) {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            assertThat(found(index)).contains(postId);
        }
    }

    @Test
    void rebuildsACorruptIndexAtStart(@TempDir Path root) throws IOException {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
        }
        var generation = root.resolve(Files.readString(root.resolve("current")).strip());
        try (Stream<Path> files = Files.list(generation)) {
            for (var file : files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .toList()) {
                try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
                    if (raf.length() > 20) {
                        raf.seek(raf.length() / 2);
                        raf.write(new byte[] {0x13, 0x37, 0x13, 0x37});
                    }
                }
            }
        }
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            assertThat(found(index)).contains(postId);
            assertThat(root.resolve(Files.readString(root.resolve("current")).strip()))
                    .isNotEqualTo(generation);
            assertThat(generation).doesNotExist();
        }
    }

    @Test
    void rebuildsAtStartAnIndexDamagedInsideASegment(@TempDir Path root) throws IOException {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
        }
        var generation = root.resolve(Files.readString(root.resolve("current")).strip());
        damageWhereOnlyTheChecksumTells(generation);
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            assertThat(found(index)).contains(postId);
            assertThat(generation).doesNotExist();
        }
    }

    @Test
    void rebuildsWhenThePointerNamesNoIndex(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("current"), "gen-missing");
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
            assertThat(found(index)).contains(postId);
        }
    }

    @Test
    void keepsAHealthyIndexAcrossRestarts(@TempDir Path root) throws IOException {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
        }
        var generation = Files.readString(root.resolve("current")).strip();
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            assertThat(index.status().rebuilding()).isFalse();
            assertThat(found(index)).contains(postId);
            assertThat(Files.readString(root.resolve("current")).strip()).isEqualTo(generation);
        }
    }

    @Test
    void catchesUpAtStartWithWhatChangedWhileItWasDown(@TempDir Path root) {
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            awaitRebuilt(index);
        }
        // Written while this index was closed, as if the process had died before committing it.
        long later = createPost
                .handle(
                        p.tom.viewer(),
                        new CreatePost.Command("Meerkat drill follow-up", null, "public", null, false, null, null))
                .id();
        try (var index = new LuceneSearchIndex(root, source, Clock.systemUTC())) {
            assertThat(index.status().rebuilding()).isFalse();
            assertThat(found(index)).contains(postId, later);
        }
    }

    /**
     * Flips a byte of the segment's data that opening the index does not read (opening checks only the
     * segments' metadata): only a check of every file's checksum finds it.
     */
    private static void damageWhereOnlyTheChecksumTells(Path generation) throws IOException {
        Path largest;
        try (Stream<Path> files = Files.list(generation)) {
            largest = files.max(Comparator.comparingLong(f -> f.toFile().length()))
                    .orElseThrow();
        }
        try (var raf = new RandomAccessFile(largest.toFile(), "rw")) {
            for (long at = raf.length() / 2; at < raf.length() - 16; at++) {
                raf.seek(at);
                int b = raf.read();
                raf.seek(at);
                raf.write(b ^ 0xff);
                if (opens(generation)) return;
                raf.seek(at);
                raf.write(b);
            }
        }
        throw new AssertionError("every byte of " + largest + " is read on opening the index");
    }

    private static boolean opens(Path generation) {
        try (var dir = new NIOFSDirectory(generation);
                var reader = DirectoryReader.open(dir)) {
            return reader.numDocs() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private java.util.List<Long> found(SearchIndex index) {
        return index.posts(visibility.audienceOf(p.alice.viewer()), SearchQuery.parse("meerkat"), null, 10).stream()
                .map(SearchIndex.PostHit::id)
                .toList();
    }

    /** Waits for the rebuild that a start on a new or unreadable index begins. */
    static void awaitRebuilt(LuceneSearchIndex index) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var s = index.status();
            return !s.rebuilding() && s.lastRebuiltAt() != null;
        });
    }
}
