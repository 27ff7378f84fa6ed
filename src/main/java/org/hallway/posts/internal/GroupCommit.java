package org.hallway.posts.internal;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hallway.posts.Post;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostsCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of new posts (ADR 0040). Requests hand their validated posts to one writer thread and
 * wait; the writer takes whatever has queued up (at most {@code max} posts) and stores it in one
 * transaction: one statement for the posts with their tags, mentions, counters and idempotency keys, one
 * event publication registry entry for the batch (ADR 0045), one commit (one WAL flush) for all of them. Each
 * request is answered after that commit, so a colleague who got an answer never loses the post.
 *
 * <p>A batch begins at most every {@code interval} (ADR 0063): a post that arrives after a quiet spell
 * is written at once with what has queued, so at low load a batch is one post; under load the writer
 * waits for the rest of the interval, and the posts arriving meanwhile join the batch. If a batch
 * fails, each of its posts is stored again in a transaction of its own, so a post that breaks a
 * constraint fails alone. An idempotency key is checked again inside the writer's transaction, where
 * keys are written one batch after the other: two requests with the same key get the same post.
 */
@Component
public class GroupCommit implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** A validated post waiting for its commit, and the event that announces it. */
    public record Pending(PostStore.NewPost post, PostCreated event, CompletableFuture<Post> done) {
        public Pending(PostStore.NewPost post, PostCreated event) {
            this(post, event, new CompletableFuture<>());
        }
    }

    private final PostStore posts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final int max;
    private final long intervalNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile Thread writer;

    GroupCommit(
            PostStore posts,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            @Value("${hallway.posts.group-commit:true}") boolean enabled,
            @Value("${hallway.posts.group-commit-max:64}") int max,
            @Value("${hallway.posts.group-commit-interval:10ms}") Duration interval) {
        this.posts = posts;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.max = Math.max(1, max);
        this.intervalNanos = interval.toNanos();
    }

    /** Whether new posts go through the writer (the setting, and the writer running). */
    public boolean enabled() {
        return enabled && running;
    }

    /** Stores the post with the next batch and returns it once committed (or the earlier post of its key). */
    public Post store(Pending pending) {
        queue.add(pending);
        // Stopping: the writer has ended, or ends once the queue is empty; a post it can no longer take is refused.
        if (!running && queue.remove(pending)) throw new IllegalStateException("Hallway is stopping");
        try {
            return pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void run() {
        var batch = new ArrayList<Pending>(max);
        long lastStart = System.nanoTime() - intervalNanos;
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                gather(queue, batch, max, lastStart + intervalNanos);
                lastStart = System.nanoTime();
                write(batch);
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (RuntimeException | Error e) {
                log.error("Group commit of {} posts failed", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Adds to the batch what has queued behind its first post, up to {@code max}, and what arrives until
     * {@code until} (a {@link System#nanoTime()}): the interval since the previous batch began. A first
     * post after a quiet spell, when that time has passed, goes with what is already queued. Interrupted,
     * it stops waiting (and keeps the interrupt): what it gathered is written all the same.
     */
    static <T> void gather(BlockingQueue<T> queue, List<T> batch, int max, long until) {
        queue.drainTo(batch, max - batch.size());
        long wait;
        try {
            while (batch.size() < max && (wait = until - System.nanoTime()) > 0) {
                var next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) return;
                batch.add(next);
                queue.drainTo(batch, max - batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void write(List<Pending> batch) {
        try {
            var outcome = tx.execute(status -> commit(batch));
            outcome.forEach((pending, post) -> pending.done().complete(post));
        } catch (RuntimeException e) {
            // Without a connection (an overloaded database) every post would wait again: all fail at once,
            // and their requests answer 503 (config.BusyDatabase).
            if (batch.size() == 1 || noConnection(e)) {
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
            // One bad post must not fail the others: each one again, on its own.
            for (var pending : batch) write(List.of(pending));
        }
    }

    private static boolean noConnection(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof SQLTransientConnectionException) return true;
        }
        return false;
    }

    /** Inside the transaction: the posts, their registry entries; what each request is answered with. */
    private Map<Pending, Post> commit(List<Pending> batch) {
        var keys = new HashMap<Long, Set<String>>();
        for (var p : batch) {
            var key = p.post().idempotencyKey();
            if (key != null)
                keys.computeIfAbsent(p.post().post().authorId(), a -> new HashSet<>())
                        .add(key);
        }
        var earlier = keys.isEmpty() ? Map.<Long, Map<String, Long>>of() : posts.postsForIdempotencyKeys(keys);
        var outcome = new HashMap<Pending, Post>();
        var fresh = new ArrayList<Pending>(batch.size());
        var firstOfKey = new HashMap<String, Pending>();
        var repeats = new HashMap<Pending, Pending>();
        for (var p : batch) {
            var post = p.post().post();
            var key = p.post().idempotencyKey();
            if (key != null) {
                var stored = earlier.getOrDefault(post.authorId(), Map.of()).get(key);
                if (stored != null) {
                    var found = posts.find(post.networkId(), stored);
                    if (found.isPresent()) {
                        outcome.put(p, found.get());
                        continue;
                    }
                }
                var first = firstOfKey.putIfAbsent(post.authorId() + " " + key, p);
                if (first != null) {
                    repeats.put(p, first);
                    continue;
                }
            }
            fresh.add(p);
        }
        posts.insertAll(fresh.stream().map(Pending::post).toList());
        for (var p : fresh) {
            events.publishEvent(p.event());
            outcome.put(p, p.post().post());
        }
        // One registry entry for the whole batch: its delivery after commit is one claim, one transaction
        // and one completion, and fans the batch out in one statement (ADR 0045).
        if (!fresh.isEmpty())
            events.publishEvent(
                    new PostsCreated(fresh.stream().map(Pending::event).toList()));
        repeats.forEach((repeat, first) -> outcome.put(repeat, first.post().post()));
        return outcome;
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("post-group-commit").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        var thread = writer;
        if (thread == null) return;
        try {
            // Posts already queued are still written; the thread ends once the queue is empty.
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it stopped taking them. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
