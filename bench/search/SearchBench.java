import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.store.NIOFSDirectory;
import org.hallway.audience.Audience;
import org.hallway.search.*;
import org.hallway.search.SearchIndex.Candidates;
import org.hallway.search.lucene.LuceneSearchIndex;

/**
 * Index-level search benchmark. With a number N: rebuild rate, query latency and freshness on N
 * synthetic posts. With an index root (a copy of one, it is written to): the time of the mixed day's
 * one-word searches as post search and the expert finder ask them, for colleagues of that index.
 */
public class SearchBench {
    static final String[] WORDS = ("kubernetes release budget hiring roadmap customer pricing launch incident review design "
        + "sales quarter planning security audit onboarding meeting coffee office travel report metrics dashboard "
        + "migration database latency outage feedback training workshop offsite goals strategy partner contract").split(" ");
    /** bench/gatling's mixed day searches these words of bench/generate.sql. */
    static final String[] MIXED_DAY = "release meeting customer roadmap launch incident hiring kudos budget demo".split(" ");
    static final Candidates SEARCH = new Candidates(2_000, 400), RECENT = Candidates.newest(400), EXPERTS = new Candidates(5_000, 1_000);

    static PostDoc doc(long i, Random r) {
        var sb = new StringBuilder();
        for (int w = 0; w < 25; w++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ').append("w").append(r.nextInt(20000)).append(' ');
        return new PostDoc(i, 1, 1 + r.nextInt(5000), "u" + r.nextInt(5000), "Dept" + r.nextInt(20),
            r.nextInt(10) == 0 ? "private" : "public", null, sb.toString(), List.of(WORDS[r.nextInt(WORDS.length)]), List.of(),
            r.nextInt(5) == 0, null, Instant.now().minusSeconds(r.nextInt(30_000_000)), List.of(), List.of());
    }

    static SearchSource source(int n) {
        return new SearchSource() {
            public Optional<PostDoc> post(long id) { return Optional.empty(); }
            public Map<Long, PostDoc> posts(Collection<Long> ids) { return Map.of(); }
            public Optional<PersonDoc> person(long id) { return Optional.empty(); }
            public Optional<Long> originalOf(long id) { return Optional.empty(); }
            public void eachPost(Consumer<PostDoc> sink) { var r = new Random(42); for (long i = 1; i <= n; i++) sink.accept(doc(i, r)); }
            public void eachPerson(Consumer<PersonDoc> sink) {}
            public Set<Long> postsChangedSince(Instant s) { return Set.of(); }
            public Set<Long> peopleChangedSince(Instant s) { return Set.of(); }
            public Set<Long> postsBy(long id) { return Set.of(); }
            public Set<Long> hiddenAuthors(long id) { return Set.of(); }
            public Set<Long> groupsNamed(long n, Collection<String> refs) { return Set.of(); }
            public WorkContext workContext(long n, long a) { return new WorkContext("", Set.of(), Set.of(), Set.of()); }
        };
    }

    public static void main(String[] a) throws Exception {
        if (a[0].equals("--index")) onIndex(Path.of(a[1]));
        else synthetic(Integer.parseInt(a[0]));
    }

    static void onIndex(Path root) throws Exception {
        var generation = root.resolve(Files.readString(root.resolve("current")).strip());
        long network;
        var authors = new ArrayList<Long>();
        try (var dir = new NIOFSDirectory(generation); var reader = DirectoryReader.open(dir)) {
            var it = MultiTerms.getTerms(reader, "network").iterator();
            network = Long.parseLong(it.next().utf8ToString());
            var at = MultiTerms.getTerms(reader, "author").iterator();
            while (at.next() != null) authors.add(Long.parseLong(at.term().utf8ToString()));
        }
        try (var index = new LuceneSearchIndex(root, source(0), Clock.systemUTC())) {
            var r = new Random(7);
            for (var c : List.of(SEARCH, RECENT, EXPERTS)) {
                var lat = new long[600];
                for (int i = -200; i < lat.length; i++) {
                    // A colleague of the index who follows 60 others, as in bench/generate.sql.
                    var follows = new HashSet<Long>();
                    for (int f = 0; f < 60; f++) follows.add(authors.get(r.nextInt(authors.size())));
                    var audience = new Audience(network, authors.get(r.nextInt(authors.size())), true, follows, Set.of());
                    long t = System.nanoTime();
                    index.posts(audience, SearchQuery.parse(MIXED_DAY[r.nextInt(MIXED_DAY.length)]), null, null, Set.of(), c);
                    if (i >= 0) lat[i] = System.nanoTime() - t;
                }
                Arrays.sort(lat);
                System.out.printf("%s: p50 %.2f ms p90 %.2f ms p99 %.2f ms%n", c, lat[300] / 1e6, lat[540] / 1e6, lat[594] / 1e6);
            }
        }
    }

    static void synthetic(int n) throws Exception {
        var root = Files.createTempDirectory("sbench");
        var index = new LuceneSearchIndex(root, source(n), Clock.systemUTC());
        while (index.status().lastRebuiltAt() == null) Thread.sleep(200);
        var st = index.status();
        System.out.printf("rebuild: %d docs in %d ms = %.0f docs/s%n", st.documents(), st.lastRebuildTook().toMillis(), st.documents() * 1000.0 / st.lastRebuildTook().toMillis());
        var audience = new Audience(1, 7, true, new HashSet<>(List.of(1L, 2L, 3L, 4L, 5L, 6L)), Set.of());
        var r = new Random(7);
        String[] qs = {"kubernetes", "budget review", "\"release planning\"", "#pricing", "latency outage -coffee", "roadmap from:@u12", "security department:dept3"};
        for (int i = 0; i < 200; i++) index.posts(audience, SearchQuery.parse(qs[i % qs.length]), null, null, Set.of(), SEARCH);
        var lat = new long[2000];
        for (int i = 0; i < lat.length; i++) {
            long t = System.nanoTime();
            index.posts(audience, SearchQuery.parse(qs[r.nextInt(qs.length)] + " " + WORDS[r.nextInt(WORDS.length)]), null, null, Set.of(), SEARCH);
            lat[i] = System.nanoTime() - t;
        }
        Arrays.sort(lat);
        System.out.printf("query (%s, audience filter): p50 %.2f ms p95 %.2f ms p99 %.2f ms%n", SEARCH, lat[1000] / 1e6, lat[1900] / 1e6, lat[1980] / 1e6);
        var fresh = new long[200];
        for (int i = 0; i < fresh.length; i++) {
            long id = n + 1 + i;
            var d = new PostDoc(id, 1, 7, "me", "x", "public", null, "zzfresh" + i + " hello", List.of(), List.of(), false, null, Instant.now(), List.of(), List.of());
            long t = System.nanoTime();
            index.upsertPost(d);
            var q = SearchQuery.parse("zzfresh" + i);
            while (index.posts(audience, q, null, 1).isEmpty()) Thread.onSpinWait();
            fresh[i] = System.nanoTime() - t;
        }
        Arrays.sort(fresh);
        System.out.printf("freshness (upsert to searchable): p50 %.0f ms p99 %.0f ms%n", fresh[100] / 1e6, fresh[198] / 1e6);
        index.close();
    }
}
