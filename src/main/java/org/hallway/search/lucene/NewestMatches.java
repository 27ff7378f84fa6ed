package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.CREATED;
import static org.hallway.search.lucene.Documents.NEWEST_FIRST;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The newest matches of a query, newest first, on an index kept newest first ({@link
 * Documents#NEWEST_FIRST}): a segment's first matches are its newest. The segments are read newest
 * first (by their first document), each only until it has given as many matches as are asked for or
 * reaches matches older than the oldest of those kept so far; a segment whose newest document is older
 * than that is not read at all. Each segment's run is merged into those kept, so nothing is ordered
 * while collecting and only the collected matches are scored, when asked for, as they are collected.
 */
final class NewestMatches {
    private final int wanted;
    private final boolean scored;
    private Matches kept;
    private Matches run;
    private Matches merged;

    private NewestMatches(int wanted, boolean scored) {
        this.wanted = wanted;
        this.scored = scored;
        this.kept = new Matches(wanted, scored);
        this.run = new Matches(wanted, scored);
        this.merged = new Matches(wanted, scored);
    }

    /** Whether every segment is newest first (an index of an older schema is not, until its rebuild). */
    static boolean apply(IndexReader reader) {
        for (var leaf : reader.leaves()) {
            if (!NEWEST_FIRST.equals(leaf.reader().getMetaData().sort())) return false;
        }
        return true;
    }

    /** The {@code wanted} newest matches of {@code query}, newest first, scored when {@code scored}. */
    static ScoreDoc[] search(IndexSearcher searcher, Query query, int wanted, boolean scored) throws IOException {
        if (wanted < 1) return new ScoreDoc[0];
        var scoreMode = scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        var weight = searcher.createWeight(searcher.rewrite(query), scoreMode, 1);
        var matches = new NewestMatches(wanted, scored);
        for (var leaf : newestFirst(searcher.getIndexReader())) {
            // The segments after this one hold nothing newer than its newest: none can add a match.
            if (leaf.newest() < matches.oldest()) break;
            matches.collect(weight, leaf.context());
        }
        return matches.kept.toScoreDocs();
    }

    private record Leaf(LeafReaderContext context, long newest) {}

    private static Iterable<Leaf> newestFirst(IndexReader reader) throws IOException {
        var leaves = new ArrayList<Leaf>(reader.leaves().size());
        for (var context : reader.leaves()) {
            var created = DocValues.getNumeric(context.reader(), CREATED);
            long newest =
                    context.reader().maxDoc() > 0 && created.advanceExact(0) ? created.longValue() : Long.MIN_VALUE;
            leaves.add(new Leaf(context, newest));
        }
        leaves.sort(Comparator.comparingLong(Leaf::newest).reversed());
        return leaves;
    }

    /** The time a match must reach to be among the newest: that of the oldest kept, once enough are. */
    private long oldest() {
        return kept.size == wanted ? kept.times[wanted - 1] : Long.MIN_VALUE;
    }

    private void collect(Weight weight, LeafReaderContext context) throws IOException {
        long oldest = oldest();
        var supplier = weight.scorerSupplier(context);
        if (supplier == null) return;
        var created = DocValues.getNumeric(context.reader(), CREATED);
        run.size = 0;
        try {
            supplier.bulkScorer()
                    .score(
                            new Taking(created, context.docBase, oldest),
                            context.reader().getLiveDocs(),
                            0,
                            DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException enough) {
            // The segment has given all it can add.
        }
        if (run.size == 0) return;
        merged.mergeOf(kept, run, wanted);
        var spare = kept;
        kept = merged;
        merged = spare;
    }

    /** Takes a segment's matches in its order, newest first, until they cannot be among the newest. */
    private final class Taking implements LeafCollector {
        private final NumericDocValues created;
        private final int docBase;
        private final long oldest;
        private Scorable scorer;

        Taking(NumericDocValues created, int docBase, long oldest) {
            this.created = created;
            this.docBase = docBase;
            this.oldest = oldest;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            long time = created.advanceExact(doc) ? created.longValue() : Long.MIN_VALUE;
            if (time < oldest) throw new CollectionTerminatedException();
            run.add(docBase + doc, time, scored ? scorer.score() : Float.NaN);
            if (run.size == wanted) throw new CollectionTerminatedException();
        }
    }

    /** Matches newest first, as parallel arrays of a fixed capacity. */
    private static final class Matches {
        final int[] docs;
        final long[] times;
        final float[] scores;
        int size;

        Matches(int capacity, boolean scored) {
            docs = new int[capacity];
            times = new long[capacity];
            scores = new float[scored ? capacity : 0];
        }

        void add(int doc, long time, float score) {
            docs[size] = doc;
            times[size] = time;
            if (scores.length > 0) scores[size] = score;
            size++;
        }

        /** The newest {@code max} of two runs, each newest first; on equal times {@code a}'s come first. */
        void mergeOf(Matches a, Matches b, int max) {
            size = 0;
            int i = 0, j = 0;
            while (size < max && (i < a.size || j < b.size)) {
                if (j == b.size || (i < a.size && a.times[i] >= b.times[j])) {
                    copy(a, i++);
                } else {
                    copy(b, j++);
                }
            }
        }

        private void copy(Matches from, int at) {
            add(from.docs[at], from.times[at], from.scores.length > 0 ? from.scores[at] : Float.NaN);
        }

        ScoreDoc[] toScoreDocs() {
            var out = new ScoreDoc[size];
            for (int i = 0; i < size; i++) {
                out[i] = new ScoreDoc(docs[i], scores.length > 0 ? scores[i] : Float.NaN);
            }
            return out;
        }
    }
}
