package hallway.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * Every knob of the simulations, as a Java system property (bench/run.sh passes them as {@code -D}).
 *
 * <ul>
 *   <li>{@code baseUrl} (http://127.0.0.1:18080): only 127.0.0.1 targets are accepted
 *   <li>{@code users} (1000): colleagues of bench/generate.sql; tokens {@code bench-token-1..users}
 *   <li>{@code duration} (30) and {@code warmup} (10): seconds per measured phase and its warm-up
 *   <li>{@code concurrency} (32): virtual users of the closed-loop phases (maximum throughput)
 *   <li>{@code rate} (50): arrivals per second of the open-model (fixed arrival rate) phase
 *   <li>{@code endAt} (2026-11-01T00:00:00Z): generate.sql's {@code end_at}, from which account ids follow
 * </ul>
 */
final class Knobs {
  private Knobs() {}

  static String baseUrl() {
    var url = System.getProperty("baseUrl", "http://127.0.0.1:18080");
    if (!url.startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("only http://127.0.0.1 targets: " + url);
    }
    return url;
  }

  static int users() {
    return intKnob("users", 1000);
  }

  static Duration duration() {
    return Duration.ofSeconds(intKnob("duration", 30));
  }

  static Duration warmup() {
    return Duration.ofSeconds(intKnob("warmup", 10));
  }

  static int concurrency() {
    return intKnob("concurrency", 32);
  }

  static double rate() {
    return Double.parseDouble(System.getProperty("rate", "50"));
  }

  static Instant endAt() {
    return Instant.parse(System.getProperty("endAt", "2026-11-01T00:00:00Z"));
  }

  static int intKnob(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }

  static String knob(String name, String fallback) {
    return System.getProperty(name, fallback);
  }
}
