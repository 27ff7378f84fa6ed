package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.*;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.hallway.search.SearchIndex.PostHit;
import org.jspecify.annotations.Nullable;

/**
 * What social ranking needs of each matching post (id, author, department, time, likers, reposters),
 * read from doc values in document order (each leaf's columns are read forward once); a leaf written
 * before schema 3 has no doc values and is read from stored fields.
 */
final class PostHits {
    private PostHits() {}

    static List<PostHit> read(IndexSearcher s, ScoreDoc[] docs, boolean scored) throws IOException {
        var out = new PostHit[docs.length];
        var order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        var leaves = s.getIndexReader().leaves();
        StoredFields stored = null;
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

    private static PostHit storedHit(StoredFields stored, int doc, float relevance) throws IOException {
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
}
