package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.hallway.audience.Audience;
import org.hallway.search.SearchIndex.Candidates;
import org.hallway.search.SearchIndex.PersonHit;
import org.hallway.search.SearchIndex.PostHit;
import org.hallway.search.SearchIndex.TagHit;
import org.hallway.search.SearchQuery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading side of the index: each search runs on a searcher of the generation in use, acquired and
 * released around it (tried again when a rebuild swapped the generation in between), with the query
 * {@link Queries} translates.
 */
final class Searches {
    private static final Logger log = LoggerFactory.getLogger(Searches.class);

    private final Supplier<Generation> current;
    private final Queries queries;

    Searches(Supplier<Generation> current, Queries queries) {
        this.current = current;
        this.queries = queries;
    }

    interface Work<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    <T> T run(Work<T> work) {
        for (int attempt = 0; ; attempt++) {
            var gen = current.get();
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

    List<PostHit> posts(
            Audience audience,
            SearchQuery q,
            @Nullable Long authorId,
            @Nullable Set<Long> inGroups,
            Set<Long> hiddenAuthors,
            Candidates candidates) {
        Query query = queries.posts(audience, q, authorId, inGroups, hiddenAuthors);
        if (query == null) return List.of();
        return run(s -> {
            // The index is kept in this order (ADR 0069): each segment is read only as far as its newest
            // matches. An index of an older schema is sorted by Lucene until its rebuild replaces it.
            var docs = NewestMatches.apply(s.getIndexReader())
                    ? NewestMatches.search(s, query, candidates.newest(), q.hasText())
                    : s.search(query, candidates.newest(), NEWEST_FIRST, q.hasText()).scoreDocs;
            if (q.hasText()) {
                // A stable sort: among equal matches the newer stays first.
                Arrays.sort(
                        docs,
                        Comparator.comparingDouble((ScoreDoc d) -> d.score).reversed());
                if (docs.length > candidates.best()) docs = Arrays.copyOf(docs, candidates.best());
            }
            return PostHits.read(s, docs, q.hasText());
        });
    }

    List<PersonHit> people(long networkId, SearchQuery q, Set<Long> hidden, int max) {
        Query query = queries.people(networkId, q, hidden);
        if (query == null || max <= 0) return List.of();
        return run(s -> {
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

    List<TagHit> tags(long networkId, String prefix, int max) {
        var p = lower(prefix).replaceFirst("^#", "");
        if (p.isEmpty() || max <= 0) return List.of();
        var start = new BytesRef(networkId + ":" + p);
        return run(s -> {
            var terms = MultiTerms.getTerms(s.getIndexReader(), NETWORK_TAG);
            if (terms == null) return List.<TagHit>of();
            var it = terms.iterator();
            var found = new ArrayList<TagHit>();
            if (it.seekCeil(start) == TermsEnum.SeekStatus.END) return found;
            int scanned = 0;
            for (var term = it.term(); term != null && scanned < 10_000; term = it.next(), scanned++) {
                var text = term.utf8ToString();
                if (!text.startsWith(start.utf8ToString())) break;
                int live = s.count(new TermQuery(new Term(NETWORK_TAG, text)));
                if (live > 0) found.add(new TagHit(text.substring(text.indexOf(':') + 1), live));
            }
            found.sort(Comparator.comparingInt(TagHit::posts).reversed().thenComparing(TagHit::name));
            return found.size() > max ? found.subList(0, max) : found;
        });
    }

    long documents() {
        return run(s -> (long) s.getIndexReader().numDocs());
    }
}
