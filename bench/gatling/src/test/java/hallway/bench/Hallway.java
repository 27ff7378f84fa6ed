package hallway.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the simulations share: the HTTP protocol, the colleagues' tokens and the requests. Each chain
 * takes a label that names its requests, so a warm-up, a closed-loop and an open-model phase of the
 * same request show as separate lines in the report.
 */
final class Hallway {
  private Hallway() {}

  /** Words of bench/generate.sql's vocabulary and hashtags, for searches that find something. */
  private static final List<String> SEARCH_WORDS =
      List.of("release", "meeting", "customer", "roadmap", "launch", "incident", "hiring", "kudos", "budget", "demo");

  private static final AtomicLong POSTS = new AtomicLong();

  static HttpProtocolBuilder protocol() {
    // One shared connection pool, as a server sees many clients with keep-alive; without it every
    // virtual user of an open model would open a fresh TCP connection.
    return http.baseUrl(Knobs.baseUrl())
        .acceptHeader("application/json")
        .userAgentHeader("Hallway bench (Gatling)")
        .shareConnections();
  }

  /** Colleague n of generate.sql, uniformly over all of them, with their token. */
  static Iterator<Map<String, Object>> colleagues() {
    int users = Knobs.users();
    return Stream.generate(() -> {
          int n = 1 + ThreadLocalRandom.current().nextInt(users);
          int other = 1 + ThreadLocalRandom.current().nextInt(users);
          return Map.<String, Object>of(
              "n", n,
              "token", "Bearer bench-token-" + n,
              "profileId", accountId(other),
              "word", SEARCH_WORDS.get(ThreadLocalRandom.current().nextInt(SEARCH_WORDS.size())));
        })
        .iterator();
  }

  /** generate.sql's account id of colleague n: id_at(end_at - 400 days + n minutes, n). */
  static long accountId(int n) {
    Instant at = Knobs.endAt().minus(400, ChronoUnit.DAYS).plus(n, ChronoUnit.MINUTES);
    return (at.toEpochMilli() << 16) | (n & 65535);
  }

  static ChainBuilder ceilingAnonymous(String label) {
    return exec(http(label).get("/api/v1/instance"));
  }

  static ChainBuilder ceilingWithToken(String label) {
    return CoreDsl.feed(colleagues())
        .exec(http(label).get("/api/v1/custom_emojis").header("Authorization", "#{token}"));
  }

  static ChainBuilder home(String label) {
    return CoreDsl.feed(colleagues()).exec(homeRequest(label));
  }

  private static ChainBuilder homeRequest(String label) {
    return exec(http(label).get("/api/v1/timelines/home?limit=20").header("Authorization", "#{token}"));
  }

  static ChainBuilder post(String label) {
    return CoreDsl.feed(colleagues()).exec(postRequest(label));
  }

  private static ChainBuilder postRequest(String label) {
    // A hashtag and a mention, like the generated posts, so the composer does its usual work.
    return exec(session -> session.set("postNo", POSTS.incrementAndGet()))
        .exec(http(label)
            .post("/api/v1/statuses")
            .header("Authorization", "#{token}")
            .header("Content-Type", "application/json")
            .body(StringBody(
                "{\"status\":\"Bench post #{postNo} from colleague #{n} about the #Release with @ana40\",\"visibility\":\"public\"}")));
  }

  /**
   * A working day's mix: reads 20 to 1 write. Of 21 requests: 12 home feeds, 3 notification lists,
   * 3 profile views (the account and its posts), 2 searches, 1 post.
   */
  static ChainBuilder mixedDay(String label) {
    return CoreDsl.feed(colleagues())
        .exec(randomSwitch()
            .on(
                percent(100.0 * 12 / 21).then(homeRequest(label + " home")),
                percent(100.0 * 3 / 21)
                    .then(exec(http(label + " notifications")
                        .get("/api/v1/notifications?limit=20")
                        .header("Authorization", "#{token}"))),
                percent(100.0 * 3 / 21)
                    .then(exec(http(label + " profile")
                            .get("/api/v1/accounts/#{profileId}")
                            .header("Authorization", "#{token}"))
                        .exec(http(label + " profile posts")
                            .get("/api/v1/accounts/#{profileId}/statuses?limit=20")
                            .header("Authorization", "#{token}"))),
                percent(100.0 * 2 / 21)
                    .then(exec(http(label + " search")
                        .get("/api/v2/search?q=#{word}&type=statuses&limit=20")
                        .header("Authorization", "#{token}"))),
                percent(100.0 * 1 / 21).then(postRequest(label + " post"))));
  }

  /** Runs phases one after the other (Gatling's andThen nests: the first is the parent of the rest). */
  static PopulationBuilder sequence(List<PopulationBuilder> phases) {
    var built = phases.getLast();
    for (int i = phases.size() - 2; i >= 0; i--) built = phases.get(i).andThen(built);
    return built;
  }

  /** A chain for a label, as the simulations pass it around. */
  interface Chain extends Function<String, ChainBuilder> {}
}
