package hallway.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fan-out of a post by an author whom everyone follows (colleague 1 of generate.sql: with
 * {@code users=50001} that is 50,000 followers), while home-feed reads run at a fixed arrival rate.
 *
 * <p>Phases: home reads at {@code rate}/s for {@code warmup} s alone (requests {@code warmup
 * fanout-home}: the baseline), then for {@code duration} s while colleague 1 posts {@code fanoutPosts}
 * times, {@code fanoutInterval} s apart (requests {@code fanout-home}: the p99 to compare). For every
 * post two clocks start when its POST is sent:
 *
 * <ul>
 *   <li><b>every follower</b>: a watcher polls {@code select count(*) from home_feed where entry_id = ?}
 *       every 20 ms (knob {@code jdbcUrl}) until it equals the author's followers plus the author. An
 *       author above the server's fan-out limit is not pushed into feeds (followers pull the author's
 *       posts at read time), so that clock never stops; it is reported as {@code pulled}.
 *   <li><b>sampled followers</b>: {@code probes} colleagues drawn at random poll their own home feed
 *       through the API ({@code since_id}) every {@code probeInterval} ms until the post is there. This
 *       works for either kind of delivery and is what a reader sees.
 * </ul>
 *
 * Results: one {@code BENCH_RESULT} JSON line on standard output and in the file named by knob {@code
 * out}.
 */
public class FanOutSimulation extends Simulation {
  private static final Map<String, Long> SENT_AT = new ConcurrentHashMap<>();
  private static final Map<String, Long> IN_EVERY_FEED_AT = new ConcurrentHashMap<>();
  private static final Map<String, List<Long>> SEEN_BY_PROBES_AT = new ConcurrentHashMap<>();
  /** "postId/n" once follower n's probe has seen the post. */
  private static final Map<String, Boolean> PROBED = new ConcurrentHashMap<>();
  private volatile long expectedFollowers = -1;
  /** Completed by a poll that finds every post in every watched place. */
  private final CompletableFuture<Void> arrived = new CompletableFuture<>();
  private ScheduledExecutorService pollers;
  private Connection db;
  private PreparedStatement countInFeeds;

  private final int posts = Knobs.intKnob("fanoutPosts", 5);
  private final int interval = Knobs.intKnob("fanoutInterval", 5);
  private final int probes = Knobs.intKnob("probes", 10);
  private final int probeIntervalMs = Knobs.intKnob("probeInterval", 200);
  private final String jdbcUrl = Knobs.knob("jdbcUrl", "");

  {
    var reads = Phases.open("fanout-home", Knobs.rate(), Hallway::home);
    var author = scenario("fanout-author")
        .exec(repeat(posts, "i")
            .on(exec(session -> session.set("t0", System.nanoTime()))
                .exec(http("fanout-post")
                    .post("/api/v1/statuses")
                    .header("Authorization", "Bearer bench-token-1")
                    .header("Content-Type", "application/json")
                    .body(StringBody("{\"status\":\"Fan-out benchmark post #{i} to everyone\",\"visibility\":\"public\"}"))
                    .check(jsonPath("$.id").saveAs("postId")))
                .exec(session -> {
                  SENT_AT.put(session.getString("postId"), session.getLong("t0"));
                  return session;
                })
                .pause(Duration.ofSeconds(interval))))
        .injectOpen(nothingFor(Knobs.warmup()), atOnceUsers(1));
    PopulationBuilder readsBeforeAndWhilePosting = Hallway.sequence(reads);
    setUp(readsBeforeAndWhilePosting, author).protocols(Hallway.protocol());
  }

  @Override
  public void before() {
    pollers = Executors.newScheduledThreadPool(probes + 1);
    if (!jdbcUrl.isEmpty()) {
      openDatabase();
      pollers.scheduleWithFixedDelay(this::watchDatabase, 0, 20, TimeUnit.MILLISECONDS);
    }
    int users = Knobs.users();
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (int p = 0; p < probes; p++) {
      int n = 2 + ThreadLocalRandom.current().nextInt(Math.max(1, users - 1));
      pollers.scheduleWithFixedDelay(() -> probe(http, n), 0, probeIntervalMs, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void after() {
    // Posts still on their way get up to 30 s more.
    try {
      arrived.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // Reported below as posts not in every feed or probes that did not see them.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    pollers.shutdownNow();
    try {
      pollers.awaitTermination(5, TimeUnit.SECONDS);
      if (db != null) db.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      System.err.println("fan-out watcher: " + e);
    }
    var every = new ArrayList<Double>();
    int pulled = 0;
    for (var e : SENT_AT.entrySet()) {
      var at = IN_EVERY_FEED_AT.get(e.getKey());
      if (at == null) pulled++;
      else every.add((at - e.getValue()) / 1e6);
    }
    var sampled = new ArrayList<Double>();
    int unseen = 0;
    for (var e : SENT_AT.entrySet()) {
      var seen = SEEN_BY_PROBES_AT.getOrDefault(e.getKey(), List.of());
      unseen += probes - seen.size();
      for (long at : seen) sampled.add((at - e.getValue()) / 1e6);
    }
    every.sort(null);
    sampled.sort(null);
    var line = String.format(
        Locale.ROOT,
        "{\"posts\":%d,\"followers\":%d,\"db_watched\":%b,\"every_feed_posts\":%d,\"not_in_feed_table\":%d,"
            + "\"every_feed_p50_ms\":%s,\"every_feed_max_ms\":%s,\"probes\":%d,\"probe_interval_ms\":%d,"
            + "\"probe_seen\":%d,\"probe_unseen\":%d,\"probe_p50_ms\":%s,\"probe_p99_ms\":%s,\"probe_max_ms\":%s}",
        SENT_AT.size(), expectedFollowers, !jdbcUrl.isEmpty(), every.size(), jdbcUrl.isEmpty() ? 0 : pulled,
        json(pct(every, 50)), json(pct(every, 100)), probes, probeIntervalMs, sampled.size(), unseen,
        json(pct(sampled, 50)), json(pct(sampled, 99)), json(pct(sampled, 100)));
    System.out.println("BENCH_RESULT " + line);
    var out = Knobs.knob("out", "");
    if (!out.isEmpty()) {
      try {
        Files.writeString(Path.of(out), line + "\n");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private boolean allArrived() {
    if (SENT_AT.size() < posts) return false;
    for (var id : SENT_AT.keySet()) {
      if (SEEN_BY_PROBES_AT.getOrDefault(id, List.of()).size() < probes) return false;
      if (!jdbcUrl.isEmpty() && expectedFollowers <= Knobs.intKnob("fanOutLimit", 10000) && !IN_EVERY_FEED_AT.containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  private void openDatabase() {
    try {
      db = DriverManager.getConnection(jdbcUrl, Knobs.knob("jdbcUser", "postgres"), Knobs.knob("jdbcPassword", ""));
      try (var q = db.prepareStatement(
              "select coalesce((select followers_count from follow_counts c join accounts a on a.id = c.account_id"
                  + " where a.id = (select account_id from oauth_tokens where token_hash = sha256(convert_to('bench-token-1', 'UTF8')))), 0)");
          var rs = q.executeQuery()) {
        rs.next();
        expectedFollowers = rs.getLong(1);
      }
      countInFeeds = db.prepareStatement("select count(*) from home_feed where entry_id = ?");
    } catch (SQLException e) {
      throw new IllegalStateException("fan-out watcher cannot read the database", e);
    }
  }

  /** One round of the database watcher: stops the every-feed clock of each post now in every feed. */
  private void watchDatabase() {
    try {
      for (var e : SENT_AT.entrySet()) {
        if (IN_EVERY_FEED_AT.containsKey(e.getKey())) continue;
        countInFeeds.setLong(1, Long.parseLong(e.getKey()));
        try (var rs = countInFeeds.executeQuery()) {
          rs.next();
          if (rs.getLong(1) >= expectedFollowers + 1) IN_EVERY_FEED_AT.put(e.getKey(), System.nanoTime());
        }
      }
      if (allArrived()) arrived.complete(null);
    } catch (SQLException e) {
      System.err.println("fan-out watcher: " + e);
    }
  }

  /** One round of follower n's probe: reads their home feed for every post not seen yet. */
  private void probe(HttpClient http, int n) {
    var base = URI.create(Knobs.baseUrl());
    for (var e : SENT_AT.entrySet()) {
      var seen = SEEN_BY_PROBES_AT.computeIfAbsent(e.getKey(), k -> Collections.synchronizedList(new ArrayList<>()));
      if (probed(e.getKey(), n)) continue;
      var id = Long.parseLong(e.getKey());
      var request = HttpRequest.newBuilder(base.resolve("/api/v1/timelines/home?limit=40&since_id=" + (id - 1)))
          .header("Authorization", "Bearer bench-token-" + n)
          .timeout(Duration.ofSeconds(10))
          .build();
      try {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"id\":\"" + id + "\"")) {
          markProbed(e.getKey(), n);
          seen.add(System.nanoTime());
        }
      } catch (IOException ex) {
        // A failed poll is retried on the next round.
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (allArrived()) arrived.complete(null);
  }

  private static boolean probed(String postId, int n) {
    return PROBED.containsKey(postId + "/" + n);
  }

  private static void markProbed(String postId, int n) {
    PROBED.put(postId + "/" + n, true);
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return Double.NaN;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** A figure as JSON: one decimal, or null when there is none. */
  private static String json(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.1f", v);
  }
}
