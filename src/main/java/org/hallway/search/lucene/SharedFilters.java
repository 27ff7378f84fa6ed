package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.NETWORK;
import static org.hallway.search.lucene.Documents.READERS;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;

/**
 * The filters every search of a network shares (its network, and the posts all its colleagues may
 * read), kept as one bit set per segment, so checking a candidate against them costs a bit instead of
 * advancing a postings list that holds nearly every document (ADR 0046). Lucene's default policy never
 * caches a single term, and skips caching a filter far larger than the query's words: both are exactly
 * the case here, so these searchers use a cache and policy of their own, for these terms only. Segments
 * under 10,000 documents (the near-real-time ones) are read directly.
 */
final class SharedFilters {
    private static final int MIN_SEGMENT = 10_000;

    /** At most 256 entries and 32 MiB: a bit per document, per segment and network. */
    private static final LRUQueryCache CACHE = new LRUQueryCache(
            256, 32L * 1024 * 1024, leaf -> leaf.reader().maxDoc() >= MIN_SEGMENT, Float.POSITIVE_INFINITY);

    private static final QueryCachingPolicy POLICY = new QueryCachingPolicy() {
        @Override
        public void onUse(Query query) {}

        @Override
        public boolean shouldCache(Query query) {
            if (!(query instanceof TermQuery t)) return false;
            var field = t.getTerm().field();
            return field.equals(NETWORK) || field.equals(READERS);
        }
    };

    static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            var searcher = new IndexSearcher(reader);
            searcher.setQueryCache(CACHE);
            searcher.setQueryCachingPolicy(POLICY);
            return searcher;
        }
    };

    private SharedFilters() {}
}
