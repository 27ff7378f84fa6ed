import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Each colleague's first home read: colleague n = FIRST..LAST reads {@code GET
 * /api/v1/timelines/home?limit=20} once, with token 'bench-token-n' (bench/generate.sql), at RATE reads
 * a second, open model (read i is due at start + i / rate and its latency counts from then). A first
 * read is the one that notes the token's use, the colleague's presence and the read of their home
 * feed, and loads that feed into memory.
 *
 * <p>{@code java FirstReads.java BASE_URL FIRST LAST RATE}; 127.0.0.1 only. Prints one line: reads,
 * errors, p50, p90, p99, max in ms. The reads of the first two seconds are sent but not measured: a new
 * JVM answers its first requests slowly while it compiles its own HTTP client.
 */
public class FirstReads {
  public static void main(String[] args) throws Exception {
    var base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) throw new IllegalArgumentException("only 127.0.0.1 targets");
    int first = Integer.parseInt(args[1]);
    int last = Integer.parseInt(args[2]);
    double rate = Double.parseDouble(args[3]);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int n = last - first + 1;
    var latencies = new double[n];
    var errors = new AtomicInteger();
    long start = System.nanoTime();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        long due = start + (long) (i * 1e9 / rate);
        LockSupport.parkNanos(due - System.nanoTime());
        int index = i;
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/timelines/home?limit=20"))
            .header("Authorization", "Bearer bench-token-" + (first + i))
            .timeout(Duration.ofSeconds(30))
            .build();
        pool.submit(() -> {
          try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) errors.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          latencies[index] = (System.nanoTime() - due) / 1e6;
          return null;
        });
      }
    }
    int lead = (int) Math.min(n / 10, 2 * rate);
    var measured = Arrays.copyOfRange(latencies, lead, n);
    Arrays.sort(measured);
    System.out.printf("reads %d, errors %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", measured.length,
        errors.get(), at(measured, 0.50), at(measured, 0.90), at(measured, 0.99), measured[measured.length - 1]);
  }

  private static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }
}
