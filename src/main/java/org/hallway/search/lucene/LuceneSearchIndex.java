package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
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
    private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);

    private final IndexRoot root;
    private final SearchSource source;
    private final Clock clock;
    private final Analyzer analyzer = analyzer();
    private final Searches searches;
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

    public LuceneSearchIndex(Path root, SearchSource source, Clock clock) {
        this.root = new IndexRoot(root);
        this.source = source;
        this.clock = clock;
        this.searches = new Searches(() -> current, new Queries(analyzer));
        this.current = openAtStart();
        committer.scheduleWithFixedDelay(this::commit, 5, 5, TimeUnit.SECONDS);
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(NAME, new StandardAnalyzer()));
    }

    private Generation openAtStart() {
        try {
            var name = root.current();
            if (name.isPresent()) {
                try {
                    var gen = Generation.open(root.generation(name.get()), false, analyzer);
                    root.removeOtherGenerations(name.get());
                    catchUp(gen);
                    if (!Generation.SCHEMA_VERSION.equals(gen.commitData(Generation.SCHEMA))) {
                        log.info("The search index was written by an older version; rebuilding it from the database");
                        current = gen;
                        startRebuild();
                    }
                    return gen;
                } catch (IOException | RuntimeException e) {
                    log.warn(
                            "The search index {} is unreadable ({}); rebuilding it from the database",
                            name.get(),
                            e.toString());
                }
            } else {
                log.info("No search index yet; building it from the database");
            }
            var fresh = Generation.open(newGenerationDir(), true, analyzer);
            root.point(fresh.dir());
            root.removeOtherGenerations(fresh.dir().getFileName().toString());
            current = fresh;
            startRebuild();
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + root.path(), e);
        }
    }

    private Path newGenerationDir() {
        return root.newGeneration(clock.millis(), rebuilds.get());
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
            var gen = current;
            if (gen.writer().hasUncommittedChanges()) gen.commitThrough(clock);
        } catch (IOException | RuntimeException e) {
            if (!closed) log.warn("Committing the search index failed", e);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Re-reads what changed since the index's last commit (a crash loses uncommitted changes). */
    private void catchUp(Generation gen) throws IOException {
        String through = gen.commitData(Generation.THROUGH);
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

    // --- queries ---

    @Override
    public List<PostHit> posts(
            Audience audience,
            SearchQuery q,
            @Nullable Long authorId,
            @Nullable Set<Long> inGroups,
            Set<Long> hiddenAuthors,
            Candidates candidates) {
        return searches.posts(audience, q, authorId, inGroups, hiddenAuthors, candidates);
    }

    @Override
    public List<PersonHit> people(long networkId, SearchQuery q, Set<Long> hidden, int max) {
        return searches.people(networkId, q, hidden, max);
    }

    @Override
    public List<TagHit> tags(long networkId, String prefix, int max) {
        return searches.tags(networkId, prefix, max);
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
            next = Generation.open(newGenerationDir(), true, analyzer);
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
                IndexRoot.delete(next.dir());
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
            next.commitThrough(clock);
            next.searchers().maybeRefreshBlocking();
            root.point(next.dir());
            old = current;
            current = next;
            pendingPosts = null;
            pendingPeople = null;
        } finally {
            swap.writeLock().unlock();
        }
        old.close();
        IndexRoot.delete(old.dir());
    }

    @Override
    public Status status() {
        long docs = searches.documents();
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
