package org.hallway.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index directory with its writer and the searcher manager that reopens near-real-time. Each
 * commit records when it was made ({@link #THROUGH}) and the shape of the documents ({@link #SCHEMA}).
 */
record Generation(
        Path dir,
        Directory directory,
        IndexWriter writer,
        SearcherManager searchers,
        ControlledRealTimeReopenThread<IndexSearcher> reopener) {
    private static final Logger log = LoggerFactory.getLogger(Generation.class);

    static final String THROUGH = "through";
    static final String SCHEMA = "schema";
    /**
     * The shape of the documents; an index written with another is rebuilt at start (while it keeps
     * answering). 2: people carry their declared skills. 3: what ranking reads of a post is in doc values.
     * 4: company-wide posts carry the network whose colleagues all read them ({@code readers}); people
     * carry an empty text, so the text's norms are dense (ADR 0046). 5: the documents are in the order
     * {@link Documents#NEWEST_FIRST} (ADR 0069).
     */
    static final String SCHEMA_VERSION = "5";

    /**
     * How long a change may wait before searches see it. Each reopen flushes a segment (and later merges
     * it), whatever it holds: under a steady stream of posts, half a second makes a fifth of the reopens
     * of 0.1 s, each with five times the documents (ADR 0030).
     */
    private static final double MAX_STALE_SECONDS = 0.5;

    /**
     * The small segments that reopens flush stay in memory until a commit or a merge writes them out
     * (ADR 0056): most are merged away before they would have reached the disk, and none costs the
     * creation of a dozen files. Merges up to this size are kept in memory too.
     */
    private static final double CACHED_MERGE_MB = 4;

    /** The most the newest segments hold in memory; beyond it they go to the disk as they are made. */
    private static final double CACHED_MB = 32;

    /** Opens the index in {@code dir}, or creates an empty one there; an existing index is verified first. */
    static Generation open(Path dir, boolean create, Analyzer analyzer) throws IOException {
        var directory = new NRTCachingDirectory(FSDirectory.open(dir), CACHED_MERGE_MB, CACHED_MB);
        try {
            if (!create) {
                if (!DirectoryReader.indexExists(directory)) throw new IOException("no index in " + dir);
                verify(dir);
            }
            // A reopen or a commit does not wait for small segments to be merged first (Lucene waits up to
            // 500 ms by default): the merge policy merges them in the background all the same, and the
            // start (the first reopen) and the freshness of new posts do not wait on it (ADR 0072).
            var config = new IndexWriterConfig(analyzer)
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64)
                    .setMaxFullFlushMergeWaitMillis(0);
            // An index of an older schema keeps its order until the rebuild at start replaces it.
            if (create || newestFirst(directory)) config.setIndexSort(Documents.NEWEST_FIRST);
            var writer = new IndexWriter(directory, config);
            try {
                if (create) writer.commit(); // no "through": a fresh generation is filled by a rebuild
                var searchers = new SearcherManager(writer, SharedFilters.SEARCHERS);
                var reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, 0.01);
                reopener.setName("search-reopen");
                reopener.setDaemon(true);
                reopener.start();
                return new Generation(dir, directory, writer, searchers, reopener);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Reads every file's checksum: a damaged index is found at start, not by a reader's query later. The
     * check reads the files rather than mapping them (ADR 0068): every page of the index passes through
     * it, and a page read through a mapping would count in the server's resident memory for as long as
     * the index is open, where the kernel's page cache holds it anyway.
     */
    private static void verify(Path dir) throws IOException {
        try (var files = new NIOFSDirectory(dir);
                var reader = DirectoryReader.open(files)) {
            for (var leaf : reader.leaves()) leaf.reader().checkIntegrity();
        }
    }

    private static boolean newestFirst(Directory directory) throws IOException {
        for (var segment : SegmentInfos.readLatestCommit(directory)) {
            if (!Documents.NEWEST_FIRST.equals(segment.info.getIndexSort())) return false;
        }
        return true;
    }

    /**
     * Commits, recording when: changes made later than that, minus a margin for listeners still running,
     * are caught up from the database at the next start if the process dies before the next commit.
     */
    void commitThrough(Clock clock) throws IOException {
        writer.setLiveCommitData(Map.of(THROUGH, Long.toString(clock.millis()), SCHEMA, SCHEMA_VERSION)
                .entrySet());
        writer.commit();
    }

    @Nullable
    String commitData(String key) {
        for (var e : writer.getLiveCommitData()) if (e.getKey().equals(key)) return e.getValue();
        return null;
    }

    void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index {} failed", dir, e);
        }
    }
}
