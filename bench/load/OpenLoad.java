import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model (fixed arrival rate) load: request i is due at start + i / rate whether or not earlier
 * ones have answered, and its latency counts from that due time, so queueing in the server shows
 * up in the percentiles (wrk's closed loop would hide it: "coordinated omission").
 *
 * <p>Run with the JDK's source launcher, no build: {@code java OpenLoad.java BASE_URL RATE SECONDS
 * USERS (get PATH | post)}. Only 127.0.0.1 targets are accepted. Prints one BENCH_RESULT JSON line.
 * The first BENCH_OPEN_LEAD seconds (2) run at the same rate but are not measured: a new JVM answers
 * its first few hundred requests slowly while it compiles its own HTTP client, and that is the load
 * generator's time, not the server's.
 * Latencies are kept in a plain array (rate x seconds is small) and sorted: exact percentiles
 * without a dependency.
 */
public class OpenLoad {
  /** Requests still open beyond this are not sent but counted as dropped, so memory stays bounded. */
  private static final int MAX_IN_FLIGHT = 2_000;

  public static void main(String[] args) throws Exception {
    var base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) throw new IllegalArgumentException("only 127.0.0.1 targets");
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int users = Integer.parseInt(args[3]);
    boolean post = args[4].equals("post");
    String path = post ? "/api/v1/statuses" : args[5];

    String[] queries = System.getenv().getOrDefault("BENCH_QUERIES", "a").split(",");
    // BENCH_COOKIES: a file of "JSESSIONID=..." lines; requests then carry a browser session, not a token.
    String cookieFile = System.getenv("BENCH_COOKIES");
    java.util.List<String> cookies = cookieFile == null || cookieFile.isEmpty()
        ? java.util.List.of()
        : java.nio.file.Files.readAllLines(java.nio.file.Path.of(cookieFile)).stream().filter(l -> !l.isBlank()).toList();
    int total = (int) Math.round(rate * seconds);
    int lead = (int) Math.round(rate * Double.parseDouble(System.getenv().getOrDefault("BENCH_OPEN_LEAD", "2")));
    long[] latencies = new long[total];
    var done = new AtomicInteger();
    var errors = new AtomicInteger();
    var dropped = new AtomicInteger();
    var inFlight = new AtomicInteger();
    var leadDone = new AtomicInteger();
    var bytes = new AtomicLong();
    var random = new Random(42);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(executor)
          .build();
      long intervalNanos = (long) (1e9 / rate);
      long start = System.nanoTime() + lead * intervalNanos;
      for (int i = -lead; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        boolean measured = i >= 0;
        if (inFlight.get() >= MAX_IN_FLIGHT) {
          if (measured) {
            dropped.incrementAndGet();
            latencies[i] = Long.MAX_VALUE;
          }
          continue;
        }
        int user = 1 + random.nextInt(users);
        // "{q}" in the path takes the next of BENCH_QUERIES in turn: what people type, keystroke by keystroke.
        var target = path.contains("{q}")
            ? path.replace("{q}", URLEncoder.encode(queries[Math.floorMod(i, queries.length)], StandardCharsets.UTF_8))
            : path;
        var request = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(10));
        if (cookies.isEmpty()) request.header("Authorization", "Bearer bench-token-" + user);
        else request.header("Cookie", cookies.get(random.nextInt(cookies.size())));
        if (post) {
          request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"status\":\"Open-model post " + i + " from colleague " + user
                  + " about the #Release with @ana40\",\"visibility\":\"public\"}"));
        }
        int slot = i;
        inFlight.incrementAndGet();
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
          inFlight.decrementAndGet();
          if (!measured) {
            leadDone.incrementAndGet();
            return;
          }
          latencies[slot] = System.nanoTime() - due;
          if (failure != null || response.statusCode() >= 400) errors.incrementAndGet();
          else bytes.addAndGet(response.body().length);
          done.incrementAndGet();
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (done.get() + dropped.get() < total && System.nanoTime() < deadline) Thread.sleep(10);
      long elapsed = System.nanoTime() - start;
      int unfinished = total - done.get() - dropped.get();
      var sorted = Arrays.copyOf(latencies, total);
      for (int i = 0; i < total; i++) if (sorted[i] == 0) sorted[i] = Long.MAX_VALUE; // never answered
      Arrays.sort(sorted);
      System.out.printf(
          "BENCH_RESULT {\"offered_rps\":%.1f,\"requests\":%d,\"completed\":%d,\"duration_us\":%d,\"bytes\":%d,"
              + "\"p50_us\":%d,\"p90_us\":%d,\"p95_us\":%d,\"p99_us\":%d,\"max_us\":%d,\"errors\":%d,\"dropped\":%d,\"unfinished\":%d,"
              + "\"lead_requests\":%d,\"lead_completed\":%d}%n",
          rate, total, done.get(), elapsed / 1000, bytes.get(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 95), pct(sorted, 99),
          pct(sorted, 100), errors.get(), dropped.get(), unfinished, lead, leadDone.get());
      executor.shutdownNow();
      // BENCH_TIMELINE: a file of "due_ms latency_us" lines, one per request, to see when the slow ones came.
      String timeline = System.getenv("BENCH_TIMELINE");
      if (timeline != null && !timeline.isEmpty()) {
        var lines = new StringBuilder();
        for (int i = 0; i < total; i++) {
          long latency = latencies[i] == 0 || latencies[i] == Long.MAX_VALUE ? -1 : latencies[i] / 1000;
          lines.append(i * intervalNanos / 1_000_000).append(' ').append(latency).append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(timeline), lines);
      }
    }
  }

  /** The p-th percentile in microseconds; -1 when it falls on a request that never completed. */
  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    long v = sorted[Math.max(0, index)];
    return v == Long.MAX_VALUE ? -1 : v / 1000;
  }
}
