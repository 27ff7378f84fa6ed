package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.CREATED;
import static org.hallway.search.lucene.Documents.NEWEST_FIRST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The newest matches of a query, on an index kept newest first ({@link Documents#NEWEST_FIRST}): a
 * segment's first matches are its newest, so each segment is read only until it has given as many as
 * are asked for; the segments' matches are then merged by time, newest first. Nothing is kept in order
 * while collecting, and only the collected matches are scored, when asked for, as they are collected.
 */
final class NewestMatches implements CollectorManager<NewestMatches.Collecting, ScoreDoc[]> {
    private final int wanted;
    private final boolean scored;

    NewestMatches(int wanted, boolean scored) {
        this.wanted = wanted;
        this.scored = scored;
    }

    /** Whether every segment is newest first (an index of an older schema is not, until its rebuild). */
    static boolean apply(IndexReader reader) {
        for (var leaf : reader.leaves()) {
            if (!NEWEST_FIRST.equals(leaf.reader().getMetaData().sort())) return false;
        }
        return true;
    }

    @Override
    public Collecting newCollector() {
        return new Collecting();
    }

    @Override
    public ScoreDoc[] reduce(Collection<Collecting> collectors) {
        // Each segment's matches are a run, newest first: merge the runs, taking the newest head each time.
        var runs = new ArrayList<Run>();
        for (var c : collectors) {
            for (int r = 0; r < c.runs; r++) {
                runs.add(new Run(c, c.runStarts[r], r + 1 < c.runs ? c.runStarts[r + 1] : c.size));
            }
        }
        var out = new ArrayList<ScoreDoc>(wanted);
        while (out.size() < wanted) {
            Run newest = null;
            for (var run : runs) {
                if (run.at < run.to && (newest == null || run.time() > newest.time())) newest = run;
            }
            if (newest == null) break;
            var c = newest.collected;
            out.add(new ScoreDoc(c.docs[newest.at], scored ? c.scores[newest.at] : Float.NaN));
            newest.at++;
        }
        return out.toArray(ScoreDoc[]::new);
    }

    private static final class Run {
        final Collecting collected;
        final int to;
        int at;

        Run(Collecting collected, int from, int to) {
            this.collected = collected;
            this.at = from;
            this.to = to;
        }

        long time() {
            return collected.times[at];
        }
    }

    final class Collecting implements Collector {
        private long[] times = new long[64];
        private int[] docs = new int[64];
        private float[] scores = new float[scored ? 64 : 0];
        private int size;
        private int[] runStarts = new int[8];
        private int runs;

        @Override
        public ScoreMode scoreMode() {
            return scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            var created = DocValues.getNumeric(context.reader(), CREATED);
            int base = context.docBase;
            startRun();
            return new LeafCollector() {
                private int taken;
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    add(
                            base + doc,
                            created.advanceExact(doc) ? created.longValue() : Long.MIN_VALUE,
                            scored ? scorer.score() : Float.NaN);
                    if (++taken == wanted) throw new CollectionTerminatedException();
                }
            };
        }

        private void startRun() {
            if (runs == runStarts.length) runStarts = Arrays.copyOf(runStarts, runs * 2);
            runStarts[runs++] = size;
        }

        private void add(int doc, long time, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                times = Arrays.copyOf(times, size * 2);
                if (scored) scores = Arrays.copyOf(scores, size * 2);
            }
            docs[size] = doc;
            times[size] = time;
            if (scored) scores[size] = score;
            size++;
        }
    }
}
