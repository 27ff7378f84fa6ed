package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.hallway.audience.Audience;
import org.hallway.search.PersonDoc;
import org.hallway.search.PostDoc;
import org.hallway.search.SearchIndex;
import org.hallway.search.SearchQuery;
import org.hallway.search.SearchSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index in Lucene, under the data directory. Changes are visible to searches within a
 * fraction of a second (near-real-time reopening) and committed every few seconds. A rebuild writes a
 * new generation directory from the source while the current one keeps answering and receiving
 * changes; changes made meanwhile are replayed into the new generation before it is swapped in. At
 * start, a missing or unreadable index is replaced by an empty one and rebuilt in the background.
 */
public class LuceneSearchIndex implements SearchIndex, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    private static final String POINTER = "current";
    /**
     * How long a change may wait before searches see it. Each reopen flushes a segment (and later merges
     * it), whatever it holds: under a steady stream of posts, half a second makes a fifth of the reopens
     * of 0.1 s, each with five times the documents (ADR 0030).
     */
    private static final double MAX_STALE_SECONDS = 0.5;

    private static final String THROUGH = "through";
    private static final String SCHEMA = "schema";
    /**
     * The shape of the documents; an index written with another is rebuilt at start (while it keeps
     * answering). 2: people carry their declared skills. 3: what ranking reads of a post is in doc values.
     */
    static final String SCHEMA_VERSION = "3";

    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);

    private final Path root;
    private final SearchSource source;
    private final Clock clock;
    private final Analyzer analyzer = analyzer();
    private final Queries queries = new Queries(analyzer);
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong rebuilds = new AtomicLong();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("search-commit").daemon().factory());
    private volatile Generation current;
    private volatile @Nullable Set<Long> pendingPosts;
    private volatile @Nullable Set<Long> pendingPeople;
    private volatile @Nullable Instant lastRebuiltAt;
    private volatile @Nullable Duration lastRebuildTook;
    private volatile boolean closed;
    private volatile @Nullable Thread rebuildThread;

    /** One index directory with its writer and the searcher manager that reopens near-real-time. */
    private record Generation(
            Path dir,
            FSDirectory directory,
            IndexWriter writer,
            SearcherManager searchers,
            ControlledRealTimeReopenThread<IndexSearcher> reopener) {

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

    public LuceneSearchIndex(Path root, SearchSource source, Clock clock) {
        this.root = root;
        this.source = source;
        this.clock = clock;
        this.current = openAtStart();
        committer.scheduleWithFixedDelay(this::commit, 5, 5, TimeUnit.SECONDS);
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(NAME, new StandardAnalyzer()));
    }

    private Generation openAtStart() {
        try {
            Files.createDirectories(root);
            var pointer = root.resolve(POINTER);
            if (Files.exists(pointer)) {
                var name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                try {
                    var gen = open(root.resolve(name), false);
                    removeOtherGenerations(name);
                    catchUp(gen);
                    if (!SCHEMA_VERSION.equals(commitData(gen, SCHEMA))) {
                        log.info("The search index was written by an older version; rebuilding it from the database");
                        current = gen;
                        startRebuild();
                    }
                    return gen;
                } catch (IOException | RuntimeException e) {
                    log.warn(
                            "The search index {} is unreadable ({}); rebuilding it from the database",
                            name,
                            e.toString());
                }
            } else {
                log.info("No search index yet; building it from the database");
            }
            var fresh = open(newGenerationDir(), true);
            point(fresh.dir());
            removeOtherGenerations(fresh.dir().getFileName().toString());
            current = fresh;
            startRebuild();
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + root, e);
        }
    }

    private Generation open(Path dir, boolean create) throws IOException {
        var directory = FSDirectory.open(dir);
        try {
            if (!create && !DirectoryReader.indexExists(directory)) throw new IOException("no index in " + dir);
            var config = new IndexWriterConfig(analyzer)
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64);
            var writer = new IndexWriter(directory, config);
            try {
                if (create) writer.commit(); // no "through": a fresh generation is filled by a rebuild
                var searchers = new SearcherManager(writer, null);
                if (!create) verify(searchers);
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

    /** Reads every file's checksum: a damaged index is found at start, not by a reader's query later. */
    private static void verify(SearcherManager searchers) throws IOException {
        var s = searchers.acquire();
        try {
            for (var leaf : s.getIndexReader().leaves()) leaf.reader().checkIntegrity();
        } finally {
            searchers.release(s);
        }
    }

    private Path newGenerationDir() {
        return root.resolve("gen-" + clock.millis() + "-" + rebuilds.get());
    }

    private void point(Path dir) throws IOException {
        var tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeOtherGenerations(String keep) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith("gen-"))
                    .filter(d -> !d.getFileName().toString().equals(keep))
                    .forEach(LuceneSearchIndex::deleteTree);
        } catch (IOException e) {
            log.warn("Cannot list {}", root, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.warn("Cannot delete the old search index {}", dir, e);
        }
    }

    // --- changes ---

    @Override
    public void upsertPost(PostDoc doc) {
        change(doc.id(), true, w -> w.updateDocument(postKey(doc.id()), Documents.post(doc)));
    }

    @Override
    public void deletePost(long postId) {
        change(postId, true, w -> w.deleteDocuments(postKey(postId)));
    }

    @Override
    public void upsertPerson(PersonDoc doc) {
        change(doc.id(), false, w -> w.updateDocument(personKey(doc.id()), Documents.person(doc)));
    }

    @Override
    public void deletePerson(long accountId) {
        change(accountId, false, w -> w.deleteDocuments(personKey(accountId)));
    }

    private interface WriterAction {
        void apply(IndexWriter writer) throws IOException;
    }

    private void change(long id, boolean post, WriterAction action) {
        swap.readLock().lock();
        try {
            var pending = post ? pendingPosts : pendingPeople;
            if (pending != null) pending.add(id);
            action.apply(current.writer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swap.readLock().unlock();
        }
    }

    private void commit() {
        // Under the read lock: a rebuild's swap waits, so it never closes a generation mid-commit.
        swap.readLock().lock();
        try {
            var writer = current.writer();
            if (writer.hasUncommittedChanges()) commitThrough(writer);
        } catch (IOException | RuntimeException e) {
            if (!closed) log.warn("Committing the search index failed", e);
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Commits, recording when: changes made later than that, minus a margin for listeners still running,
     * are caught up from the database at the next start if the process dies before the next commit.
     */
    private void commitThrough(IndexWriter writer) throws IOException {
        writer.setLiveCommitData(Map.of(THROUGH, Long.toString(clock.millis()), SCHEMA, SCHEMA_VERSION)
                .entrySet());
        writer.commit();
    }

    /** Re-reads what changed since the index's last commit (a crash loses uncommitted changes). */
    private void catchUp(Generation gen) throws IOException {
        String through = commitData(gen, THROUGH);
        if (through == null) return;
        var since = Instant.ofEpochMilli(Long.parseLong(through)).minus(CATCH_UP_MARGIN);
        int n = 0;
        for (var id : source.postsChangedSince(since)) {
            var doc = source.post(id);
            if (doc.isPresent()) gen.writer().updateDocument(postKey(id), Documents.post(doc.get()));
            else gen.writer().deleteDocuments(postKey(id));
            n++;
        }
        for (var id : source.peopleChangedSince(since)) {
            var doc = source.person(id);
            if (doc.isPresent()) gen.writer().updateDocument(personKey(id), Documents.person(doc.get()));
            else gen.writer().deleteDocuments(personKey(id));
            n++;
        }
        if (n > 0) log.info("Search index caught up with {} changes since {}", n, since);
        gen.searchers().maybeRefreshBlocking();
    }

    private static @Nullable String commitData(Generation gen, String key) {
        for (var e : gen.writer().getLiveCommitData()) if (e.getKey().equals(key)) return e.getValue();
        return null;
    }

    // --- queries ---

    private interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(Search<T> work) {
        for (int attempt = 0; ; attempt++) {
            var gen = current;
            IndexSearcher searcher;
            try {
                searcher = gen.searchers().acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) continue; // a rebuild swapped the generation between read and acquire
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.run(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    gen.searchers().release(searcher);
                } catch (IOException e) {
                    log.debug("Releasing a searcher failed", e);
                }
            }
        }
    }

    @Override
    public List<PostHit> posts(
            Audience audience,
            SearchQuery q,
            @Nullable Long authorId,
            @Nullable Set<Long> inGroups,
            Set<Long> hiddenAuthors,
            int max) {
        Query query = queries.posts(audience, q, authorId, inGroups, hiddenAuthors);
        if (query == null || max <= 0) return List.of();
        return search(s -> {
            var top = q.hasText()
                    ? s.search(query, max)
                    : s.search(query, max, new Sort(new SortField(CREATED, SortField.Type.LONG, true)));
            return hits(s, top.scoreDocs, q.hasText());
        });
    }

    /**
     * What ranking needs of each hit, read from doc values in document order (each leaf's columns are
     * read forward once); a leaf written before schema 3 has no doc values and is read from stored fields.
     */
    private static List<PostHit> hits(IndexSearcher s, ScoreDoc[] docs, boolean scored) throws IOException {
        var out = new PostHit[docs.length];
        var order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        var leaves = s.getIndexReader().leaves();
        org.apache.lucene.index.StoredFields stored = null;
        int leafIndex = -1;
        LeafColumns columns = null;
        for (int i : order) {
            var sd = docs[i];
            int li = ReaderUtil.subIndex(sd.doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                columns = LeafColumns.of(leaves.get(li).reader());
            }
            float relevance = scored ? sd.score : 1f;
            var hit = columns == null ? null : columns.hit(sd.doc - leaves.get(li).docBase, relevance);
            if (hit == null) {
                // Written before schema 3 (until the rebuild at start replaces it): stored fields.
                if (stored == null) stored = s.storedFields();
                hit = storedHit(stored, sd.doc, relevance);
            }
            out[i] = hit;
        }
        return java.util.Arrays.asList(out);
    }

    /** The doc-value columns of one leaf; null when the leaf predates them. */
    private record LeafColumns(
            NumericDocValues ids,
            NumericDocValues authors,
            @Nullable SortedDocValues departments,
            @Nullable NumericDocValues created,
            @Nullable SortedNumericDocValues likedBy,
            @Nullable SortedNumericDocValues repostedBy) {

        static @Nullable LeafColumns of(LeafReader leaf) throws IOException {
            var ids = leaf.getNumericDocValues(ID_COLUMN);
            var authors = leaf.getNumericDocValues(AUTHOR_COLUMN);
            if (ids == null || authors == null) return null;
            return new LeafColumns(
                    ids,
                    authors,
                    leaf.getSortedDocValues(DEPARTMENT_COLUMN),
                    leaf.getNumericDocValues(CREATED),
                    leaf.getSortedNumericDocValues(LIKED_BY_COLUMN),
                    leaf.getSortedNumericDocValues(REPOSTED_BY_COLUMN));
        }

        @Nullable
        PostHit hit(int doc, float relevance) throws IOException {
            if (!ids.advanceExact(doc) || !authors.advanceExact(doc)) return null;
            String department = "";
            if (departments != null && departments.advanceExact(doc)) {
                department = departments.lookupOrd(departments.ordValue()).utf8ToString();
            }
            long createdAt = created != null && created.advanceExact(doc) ? created.longValue() : 0;
            return new PostHit(
                    ids.longValue(),
                    authors.longValue(),
                    department,
                    relevance,
                    Instant.ofEpochMilli(createdAt),
                    values(likedBy, doc),
                    values(repostedBy, doc));
        }

        private static List<Long> values(@Nullable SortedNumericDocValues column, int doc) throws IOException {
            if (column == null || !column.advanceExact(doc)) return List.of();
            var values = new Long[column.docValueCount()];
            for (int k = 0; k < values.length; k++) values[k] = column.nextValue();
            return List.of(values);
        }
    }

    private static PostHit storedHit(org.apache.lucene.index.StoredFields stored, int doc, float relevance)
            throws IOException {
        var d = stored.document(doc, Set.of(ID, AUTHOR, DEPARTMENT_SHOWN, CREATED, LIKED_BY, REPOSTED_BY));
        return new PostHit(
                d.getField(ID).numericValue().longValue(),
                Long.parseLong(d.get(AUTHOR)),
                d.get(DEPARTMENT_SHOWN),
                relevance,
                Instant.ofEpochMilli(d.getField(CREATED).numericValue().longValue()),
                Stream.of(d.getFields(LIKED_BY))
                        .map(f -> f.numericValue().longValue())
                        .toList(),
                Stream.of(d.getFields(REPOSTED_BY))
                        .map(f -> f.numericValue().longValue())
                        .toList());
    }

    @Override
    public List<PersonHit> people(long networkId, SearchQuery q, Set<Long> hidden, int max) {
        Query query = queries.people(networkId, q, hidden);
        if (query == null || max <= 0) return List.of();
        return search(s -> {
            var top = s.search(query, max);
            var stored = s.storedFields();
            var hits = new ArrayList<PersonHit>();
            for (var sd : top.scoreDocs) {
                var d = stored.document(sd.doc, Set.of(ID, SKILL));
                hits.add(new PersonHit(
                        d.getField(ID).numericValue().longValue(), sd.score, List.of(d.getValues(SKILL))));
            }
            return hits;
        });
    }

    @Override
    public List<TagHit> tags(long networkId, String prefix, int max) {
        var p = lower(prefix).replaceFirst("^#", "");
        if (p.isEmpty() || max <= 0) return List.of();
        var start = new BytesRef(networkId + ":" + p);
        return search(s -> {
            var terms = MultiTerms.getTerms(s.getIndexReader(), NETWORK_TAG);
            if (terms == null) return List.<TagHit>of();
            var it = terms.iterator();
            var found = new ArrayList<TagHit>();
            if (it.seekCeil(start) == org.apache.lucene.index.TermsEnum.SeekStatus.END) return found;
            int scanned = 0;
            for (var term = it.term(); term != null && scanned < 10_000; term = it.next(), scanned++) {
                var text = term.utf8ToString();
                if (!text.startsWith(start.utf8ToString())) break;
                int live = s.count(new org.apache.lucene.search.TermQuery(new Term(NETWORK_TAG, text)));
                if (live > 0) found.add(new TagHit(text.substring(text.indexOf(':') + 1), live));
            }
            found.sort(Comparator.comparingInt(TagHit::posts).reversed().thenComparing(TagHit::name));
            return found.size() > max ? found.subList(0, max) : found;
        });
    }

    // --- rebuild ---

    @Override
    public boolean rebuild() {
        return startRebuild();
    }

    private boolean startRebuild() {
        if (closed || !rebuilding.compareAndSet(false, true)) return false;
        pendingPosts = ConcurrentHashMap.newKeySet();
        pendingPeople = ConcurrentHashMap.newKeySet();
        rebuildThread = Thread.ofPlatform().name("search-rebuild").daemon().start(this::runRebuild);
        return true;
    }

    private void runRebuild() {
        var started = clock.instant();
        Generation next = null;
        try {
            rebuilds.incrementAndGet();
            next = open(newGenerationDir(), true);
            var writer = next.writer();
            var count = new AtomicLong();
            source.eachPerson(a -> add(writer, Documents.person(a), count));
            source.eachPost(p -> add(writer, Documents.post(p), count));
            swapIn(next);
            lastRebuildTook = Duration.between(started, clock.instant());
            lastRebuiltAt = clock.instant();
            log.info("Search index rebuilt: {} documents in {} ms", count.get(), lastRebuildTook.toMillis());
        } catch (RuntimeException | IOException e) {
            if (!closed) log.error("Rebuilding the search index failed; the current index stays in use", e);
            if (next != null && next != current) {
                next.close();
                deleteTree(next.dir());
            }
            pendingPosts = null;
            pendingPeople = null;
        } finally {
            rebuilding.set(false);
        }
    }

    private void add(IndexWriter writer, org.apache.lucene.document.Document doc, AtomicLong count) {
        if (closed) throw new IllegalStateException("shutting down");
        try {
            writer.addDocument(doc);
            count.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays the changes made during the rebuild, then makes the new generation the current one. */
    private void swapIn(Generation next) throws IOException {
        Generation old;
        swap.writeLock().lock();
        try {
            for (var id : pendingPosts) {
                var doc = source.post(id);
                if (doc.isPresent()) next.writer().updateDocument(postKey(id), Documents.post(doc.get()));
                else next.writer().deleteDocuments(postKey(id));
            }
            for (var id : pendingPeople) {
                var doc = source.person(id);
                if (doc.isPresent()) next.writer().updateDocument(personKey(id), Documents.person(doc.get()));
                else next.writer().deleteDocuments(personKey(id));
            }
            commitThrough(next.writer());
            next.searchers().maybeRefreshBlocking();
            point(next.dir());
            old = current;
            current = next;
            pendingPosts = null;
            pendingPeople = null;
        } finally {
            swap.writeLock().unlock();
        }
        old.close();
        deleteTree(old.dir());
    }

    @Override
    public Status status() {
        long docs = search(s -> (long) s.getIndexReader().numDocs());
        return new Status(rebuilding.get(), docs, lastRebuiltAt, lastRebuildTook, rebuilds.get());
    }

    /** Makes every change so far visible to searches now (tests and benchmarks use it). */
    public void refresh() {
        try {
            current.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        committer.shutdownNow();
        var t = rebuildThread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        swap.writeLock().lock();
        try {
            current.close();
        } finally {
            swap.writeLock().unlock();
        }
    }
}
