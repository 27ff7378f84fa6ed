package org.hallway.search.lucene;

import static org.hallway.search.lucene.Documents.*;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.hallway.audience.Audience;
import org.hallway.search.SearchQuery;
import org.jspecify.annotations.Nullable;

/**
 * Builds Lucene queries from a parsed {@link SearchQuery}. Words go through the same analyzer as the
 * indexed text (so {@code * ? \ ~} are just characters that analysis drops), never through Lucene's
 * query syntax.
 */
final class Queries {
    private final QueryBuilder text;

    Queries(Analyzer analyzer) {
        this.text = new QueryBuilder(analyzer);
    }

    /**
     * The reader's audience as a filter: the rule of {@link Audience#admits}, evaluated by the index.
     * Every clause matches posts only (people have none of these fields), and every one but the
     * company-wide one names the reader, their groups or the colleagues they follow, all of their own
     * network; the network is still required, from a cached bit set as the company-wide posts are
     * ({@link SharedFilters}), so neither costs a postings walk per candidate.
     */
    static Query audience(Audience a) {
        var viewer = Long.toString(a.viewerId());
        var mentionsViewer = new TermQuery(new Term(MENTION, viewer));
        var anyOf = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AUTHOR, viewer)), Occur.SHOULD)
                .add(both(new TermQuery(new Term(VISIBILITY, "direct")), mentionsViewer), Occur.SHOULD);
        if (!a.readableGroups().isEmpty()) {
            anyOf.add(
                    both(
                            new TermQuery(new Term(VISIBILITY, "group")),
                            terms(
                                    GROUP,
                                    a.readableGroups().stream()
                                            .map(String::valueOf)
                                            .toList())),
                    Occur.SHOULD);
        }
        if (a.colleague()) {
            anyOf.add(new TermQuery(new Term(READERS, Long.toString(a.networkId()))), Occur.SHOULD);
            var followersOnlyReader = new BooleanQuery.Builder().add(mentionsViewer, Occur.SHOULD);
            if (!a.followedAuthors().isEmpty()) {
                followersOnlyReader.add(
                        terms(
                                AUTHOR,
                                a.followedAuthors().stream()
                                        .map(String::valueOf)
                                        .toList()),
                        Occur.SHOULD);
            }
            anyOf.add(both(new TermQuery(new Term(VISIBILITY, "private")), followersOnlyReader.build()), Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(NETWORK, Long.toString(a.networkId()))), Occur.FILTER)
                .add(anyOf.build(), Occur.FILTER)
                .build();
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder()
                .add(a, Occur.FILTER)
                .add(b, Occur.FILTER)
                .build();
    }

    /** Posts matching the query inside the audience; null when nothing could match. */
    @Nullable
    Query posts(
            Audience audience,
            SearchQuery q,
            @Nullable Long authorId,
            @Nullable Set<Long> inGroups,
            Set<Long> hiddenAuthors) {
        if (inGroups != null && inGroups.isEmpty()) return null;
        var b = new BooleanQuery.Builder().add(audience(audience), Occur.FILTER);
        if (!hiddenAuthors.isEmpty()) {
            // Muted and blocked colleagues are left out by the query itself, as the audience is.
            b.add(terms(AUTHOR, hiddenAuthors.stream().map(String::valueOf).toList()), Occur.MUST_NOT);
        }
        int scoring = 0;
        for (var w : q.words()) {
            var part = text.createBooleanQuery(TEXT, w, Occur.MUST);
            if (part != null) {
                b.add(part, Occur.MUST);
                scoring++;
            }
        }
        for (var p : q.phrases()) {
            var part = text.createPhraseQuery(TEXT, p);
            if (part != null) {
                b.add(part, Occur.MUST);
                scoring++;
            }
        }
        for (var t : q.tags()) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(TAG, lower(t)))), 2f), Occur.MUST);
            scoring++;
        }
        for (var x : q.excluded()) {
            // -"two words" excludes the phrase, -word the word.
            var part = x.strip().contains(" ")
                    ? text.createPhraseQuery(TEXT, x)
                    : text.createBooleanQuery(TEXT, x, Occur.MUST);
            if (part != null) b.add(part, Occur.MUST_NOT);
        }
        if (!q.fromHandles().isEmpty()) b.add(terms(HANDLE, q.fromHandles()), Occur.FILTER);
        if (!q.departments().isEmpty()) {
            b.add(
                    terms(
                            DEPARTMENT,
                            q.departments().stream().map(Documents::lower).toList()),
                    Occur.FILTER);
        }
        if (q.hasLink()) b.add(new TermQuery(new Term(HAS, "link")), Occur.FILTER);
        if (q.after() != null || q.before() != null) {
            long from = q.after() == null
                    ? Long.MIN_VALUE
                    : q.after().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            long to = q.before() == null
                    ? Long.MAX_VALUE
                    : q.before().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1;
            if (from > to) return null;
            b.add(LongPoint.newRangeQuery(CREATED, from, to), Occur.FILTER);
        }
        if (authorId != null) b.add(new TermQuery(new Term(AUTHOR, Long.toString(authorId))), Occur.FILTER);
        if (inGroups != null) {
            b.add(terms(GROUP, inGroups.stream().map(String::valueOf).toList()), Occur.FILTER);
        }
        boolean anyFilter = !q.fromHandles().isEmpty()
                || !q.departments().isEmpty()
                || q.hasLink()
                || q.after() != null
                || q.before() != null
                || authorId != null
                || inGroups != null;
        // Words that analysis reduces to nothing ("the", "***") must not turn into "everything".
        if (scoring == 0 && !anyFilter) return null;
        return b.build();
    }

    /** Colleagues by name (prefix of any name part or handle), work context, optionally department. */
    @Nullable
    Query people(long networkId, SearchQuery q, Set<Long> hidden) {
        var b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(NETWORK, Long.toString(networkId))), Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, PERSON)), Occur.FILTER);
        if (!hidden.isEmpty()) {
            b.add(terms(KEY, hidden.stream().map(id -> "a" + id).toList()), Occur.MUST_NOT);
        }
        var words = new ArrayList<String>(q.words());
        q.phrases().forEach(p -> words.addAll(List.of(p.split("\\s+"))));
        q.fromHandles().forEach(words::add);
        int scoring = 0;
        for (var w : words) {
            var any = new BooleanQuery.Builder();
            var plain = lower(w).replaceFirst("^@", "");
            if (plain.isEmpty()) continue;
            var name = text.createBooleanQuery(NAME, plain, Occur.MUST);
            if (name != null) any.add(new BoostQuery(name, 3f), Occur.SHOULD);
            any.add(new BoostQuery(new PrefixQuery(new Term(NAME, plain)), 2f), Occur.SHOULD);
            any.add(new BoostQuery(new PrefixQuery(new Term(HANDLE, plain)), 3f), Occur.SHOULD);
            var profile = text.createBooleanQuery(PROFILE, plain, Occur.MUST);
            if (profile != null) any.add(profile, Occur.SHOULD);
            var skills = text.createBooleanQuery(SKILLS, plain.replace('_', ' '), Occur.MUST);
            if (skills != null) any.add(new BoostQuery(skills, 2.5f), Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(SKILL, plain.replaceFirst("^#", ""))), 3f), Occur.SHOULD);
            b.add(any.build(), Occur.MUST);
            scoring++;
        }
        // #topic finds the colleagues who declare it as a skill.
        for (var t : q.tags()) {
            b.add(new BoostQuery(new TermQuery(new Term(SKILL, lower(t))), 3f), Occur.MUST);
            scoring++;
        }
        if (!q.departments().isEmpty()) {
            b.add(
                    terms(
                            DEPARTMENT,
                            q.departments().stream().map(Documents::lower).toList()),
                    Occur.FILTER);
        }
        if (scoring == 0 && q.departments().isEmpty()) return null;
        return b.build();
    }

    static Query terms(String field, Collection<String> values) {
        if (values.isEmpty()) return new MatchNoDocsQuery();
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
