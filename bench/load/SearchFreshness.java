import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Freshness of the search index through the API: colleague i posts a word nobody used before, then
 * searches for it every 10 ms until the post comes back; the time from the post's 200 answer to the
 * first search that finds it is one sample (the post's own latency is left out). Samples are taken
 * one after another, not under load.
 *
 * <p>{@code java SearchFreshness.java BASE_URL SAMPLES USERS}; only 127.0.0.1 targets. Prints one
 * BENCH_RESULT JSON line.
 */
public class SearchFreshness {
  public static void main(String[] args) throws Exception {
    var base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) throw new IllegalArgumentException("only 127.0.0.1 targets");
    int samples = Integer.parseInt(args[1]);
    int users = Integer.parseInt(args[2]);
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long[] fresh = new long[samples];
    int missed = 0;
    long run = System.currentTimeMillis();
    for (int i = 0; i < samples; i++) {
      var token = "Bearer bench-token-" + (1 + (i * 7919) % users);
      var word = "zqfresh" + run + "x" + i;
      var post = HttpRequest.newBuilder(base.resolve("/api/v1/statuses"))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"status\":\"Freshness probe " + word + "\",\"visibility\":\"public\"}"))
          .build();
      var posted = client.send(post, HttpResponse.BodyHandlers.ofString());
      if (posted.statusCode() != 200) throw new IllegalStateException("post: " + posted.statusCode() + " " + posted.body());
      long start = System.nanoTime();
      var search = HttpRequest.newBuilder(base.resolve("/api/v2/search?type=statuses&limit=1&q=" + word))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", token)
          .build();
      long deadline = start + Duration.ofSeconds(30).toNanos();
      fresh[i] = Long.MAX_VALUE;
      while (System.nanoTime() < deadline) {
        var found = client.send(search, HttpResponse.BodyHandlers.ofString());
        if (found.statusCode() == 200 && found.body().contains(word)) {
          fresh[i] = System.nanoTime() - start;
          break;
        }
        Thread.sleep(10);
      }
      if (fresh[i] == Long.MAX_VALUE) missed++;
    }
    Arrays.sort(fresh);
    System.out.printf("BENCH_RESULT {\"samples\":%d,\"p50_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d,\"missed\":%d}%n",
        samples, ms(fresh, 50), ms(fresh, 99), ms(fresh, 100), missed);
  }

  private static long ms(long[] sorted, double p) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    long v = sorted[Math.max(0, index)];
    return v == Long.MAX_VALUE ? -1 : v / 1_000_000;
  }
}
