import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.store.*;

/**
 * WriteBench DIR FLOOR_MB BASE_DOCS NEW_DOCS DOCS_PER_REOPEN [sorted]: the CPU of writing new posts into
 * an index of BASE_DOCS posts like the search index's, with a near-real-time reopen every
 * DOCS_PER_REOPEN and a commit every 1,500 (the search index's reopen and commit at 300 posts a
 * second), and how many documents its merges rewrite per new one; then the time of a newest-first
 * query. The first call with a DIR writes the base there and stops; each later call works on a copy
 * of it. FLOOR_MB sets the merge policy's floor segment size (0: Lucene's default); "sorted" keeps
 * the index newest first (ADR 0069), for a DIR of its own.
 */
public class WriteBench {
    static final String[] WORDS = ("release deploy customer meeting roadmap budget hiring onboarding security incident "
        + "review design launch feedback quarter sales marketing platform data pipeline cloud migration office team "
        + "project update question answer thanks welcome congrats demo sprint retro planning goal metric").split(" ");
    static Document doc(long id, Random r) {
        var d = new Document();
        d.add(new StringField("type", "post", Field.Store.NO));
        d.add(new StringField("key", "p" + id, Field.Store.NO));
        d.add(new StoredField("id", id));
        d.add(new NumericDocValuesField("id_dv", id));
        d.add(new StringField("network", "1", Field.Store.NO));
        long author = r.nextInt(10000);
        d.add(new StringField("author", Long.toString(author), Field.Store.YES));
        d.add(new NumericDocValuesField("author_dv", author));
        d.add(new StringField("visibility", "public", Field.Store.NO));
        d.add(new StringField("readers", "1", Field.Store.NO));
        var sb = new StringBuilder();
        for (int i = 0; i < 12 + r.nextInt(20); i++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        d.add(new TextField("text", sb.toString(), Field.Store.NO));
        d.add(new StringField("tag", "release", Field.Store.NO));
        d.add(new StringField("mention", "ana40", Field.Store.NO));
        d.add(new LongPoint("created", id));
        d.add(new SortedDocValuesField("department_dv", new org.apache.lucene.util.BytesRef("dep" + r.nextInt(40))));
        return d;
    }
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]); double floor = Double.parseDouble(a[1]);
        int base = Integer.parseInt(a[2]), fresh = Integer.parseInt(a[3]), perReopen = Integer.parseInt(a[4]);
        boolean sorted = a.length > 5 && a[5].equals("sorted");
        var sort = new Sort(new SortField("id_dv", SortField.Type.LONG, true, Long.MIN_VALUE));
        var r = new Random(42);
        if (!Files.exists(dir.resolve("built"))) {
            var bc = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64);
            if (sorted) bc.setIndexSort(sort);
            try (var w = new IndexWriter(FSDirectory.open(dir), bc)) {
                for (long i = 0; i < base; i++) w.updateDocument(new Term("key", "p" + i), doc(i, r));
                w.commit();
            }
            Files.createFile(dir.resolve("built"));
            System.out.println("built " + base);
            return;
        }
        var tmp = Files.createTempDirectory("write-bench");
        for (var f : FSDirectory.open(dir).listAll()) if (!f.equals("built") && !f.equals("write.lock")) Files.copy(dir.resolve(f), tmp.resolve(f));
        var directory = new NRTCachingDirectory(FSDirectory.open(tmp), 4, 32);
        var tmp2 = new TieredMergePolicy();
        if (floor > 0) tmp2.setFloorSegmentMB(floor);
        var cfg = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64).setMergePolicy(tmp2);
        if (sorted) cfg.setIndexSort(sort);
        long merged[] = {0, 0};
        cfg.setMergeScheduler(new ConcurrentMergeScheduler() {
            @Override protected void doMerge(MergeSource src, MergePolicy.OneMerge m) throws java.io.IOException {
                merged[0]++; for (var sci : m.segments) merged[1] += sci.info.maxDoc(); super.doMerge(src, m);
            }
        });
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var w = new IndexWriter(directory, cfg)) {
            var sm = new SearcherManager(w, null);
            // warm-up: same work, not measured
            long id = base;
            for (int i = 0; i < fresh / 2; i++) { w.updateDocument(new Term("key", "p" + id), doc(id++, r)); if (i % perReopen == perReopen - 1) sm.maybeRefreshBlocking(); }
            w.commit();
            merged[0] = 0; merged[1] = 0;
            long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < fresh; i++) {
                w.updateDocument(new Term("key", "p" + id), doc(id++, r));
                if (i % perReopen == perReopen - 1) sm.maybeRefreshBlocking();
                if (i % 1500 == 1499) w.commit(); // a commit every 5 s at 300/s
            }
            w.commit();
            long cpu1 = os.getProcessCpuTime();
            // search cost: a term query and a phrase over the whole index, many times
            var s = sm.acquire();
            int segs = s.getIndexReader().leaves().size();
            long q0 = os.getProcessCpuTime();
            for (int i = 0; i < 2000; i++) {
                var q = new BooleanQuery.Builder().add(new TermQuery(new Term("text", WORDS[i % WORDS.length])), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("readers", "1")), BooleanClause.Occur.FILTER).build();
                s.search(q, 20, new Sort(new SortField("id_dv", SortField.Type.LONG, true)));
            }
            long q1 = os.getProcessCpuTime();
            sm.release(s);
            System.out.printf((sorted ? "sorted " : "") + "floor %s MB: %d docs, CPU %.0f µs/doc (wall %.1f s), merges %d rewriting %d docs (%.1f per new doc), segments %d, search %.0f µs/query%n",
                floor > 0 ? floor : "default", fresh, (cpu1 - cpu0) / 1e3 / fresh, (System.nanoTime() - t0) / 1e9, merged[0], merged[1], merged[1] / (double) fresh, segs, (q1 - q0) / 1e3 / 2000);
            sm.close();
        }
        try (var files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
