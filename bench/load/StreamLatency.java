import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Time from {@code POST /api/v1/statuses} to the {@code update} event on N open streaming
 * connections of the author's followers. Tokens are {@code bench-token-<n>} as bench/generate.sql
 * made them: colleague 1 (the CEO, followed by everyone) posts, colleagues 2..N+1 listen on
 * {@code stream=user}. The clock starts just before the POST is sent, so the figure includes the
 * request, the commit, the fan-out and the delivery.
 *
 * <p>Run with the JDK's source launcher: {@code java StreamLatency.java BASE_URL CONNECTIONS POSTS
 * INTERVAL_MS}. Only 127.0.0.1 targets are accepted. Prints one BENCH_RESULT JSON line.
 *
 * <p>Open model (issue 5's figure: posts per second at N open streams): {@code java StreamLatency.java
 * BASE_URL CONNECTIONS POSTS 0 RATE USERS AUTHORS EXPECTED_FILE}. Colleagues {@code USERS-CONNECTIONS+1
 * .. USERS} listen; POSTS posts are sent at RATE per second on a fixed schedule (never waiting for
 * earlier answers), each by one of colleagues {@code 1..AUTHORS} at random (leaders: the CEO is followed
 * by every listener, others by some). The clock of each post starts at its scheduled time. EXPECTED_FILE
 * has lines {@code <author n> <listening followers>} (bench/stream.sh asks PostgreSQL), so missing
 * events are counted. Two more arguments, {@code WARMUP SERVER_LOG}, send WARMUP posts at the same rate
 * first, unmeasured, on the same connections, then wait for the server's first feed trim in its log.
 */
public class StreamLatency {
  private static final Pattern UPDATE_ID =
      Pattern.compile("\"event\":\"update\",\"payload\":\"\\{\\\\\"id\\\\\":\\\\\"(\\d+)\\\\\"");

  public static void main(String[] args) throws Exception {
    var base = URI.create(args[0]);
    if (!"127.0.0.1".equals(base.getHost())) throw new IllegalArgumentException("only 127.0.0.1 targets");
    int connections = Integer.parseInt(args[1]);
    int posts = Integer.parseInt(args[2]);
    long intervalMs = Long.parseLong(args[3]);
    if (args.length > 4) {
      openModel(base, connections, posts, Double.parseDouble(args[4]), Integer.parseInt(args[5]),
          Integer.parseInt(args[6]), java.nio.file.Path.of(args[7]),
          args.length > 8 ? Integer.parseInt(args[8]) : 0, args.length > 9 ? java.nio.file.Path.of(args[9]) : null);
      return;
    }

    Map<String, ConcurrentLinkedQueue<Long>> arrivals = new ConcurrentHashMap<>();
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
      var tokens = new ArrayList<String>();
      for (int i = 0; i < connections; i++) tokens.add("bench-token-" + (i + 2));
      var listeners = listen(http, base, tokens, arrivals);
      // The server registers a connection just after the handshake; give the last ones a moment.
      Thread.sleep(2000);

      var author = "Bearer bench-token-1";
      long cpu0 = serverCpuMs();
      long clientCpu0 = clientCpuMs();
      for (int p = 0; p < posts; p++) {
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/statuses"))
            .header("Authorization", author)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Streaming benchmark post " + p + "\"}"))
            .build();
        long t0 = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("POST answered " + response.statusCode());
        var id = response.body().replaceFirst("^\\{\"id\":\"(\\d+)\".*$", "$1");
        sentAt.put(id, t0);
        Thread.sleep(intervalMs);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long expected = (long) connections * posts;
      while (System.nanoTime() < deadline && received(arrivals, sentAt) < expected) Thread.sleep(100);
      long windowCpu = cpu0 < 0 ? -1 : serverCpuMs() - cpu0;
      long clientCpu = clientCpuMs() - clientCpu0;

      var latencies = new ArrayList<Double>();
      for (var e : sentAt.entrySet()) {
        var got = arrivals.get(e.getKey());
        if (got != null) for (long at : got) latencies.add((at - e.getValue()) / 1e6);
      }
      Collections.sort(latencies);
      long missing = expected - latencies.size();
      System.out.printf(
          java.util.Locale.ROOT,
          "BENCH_RESULT {\"connections\":%d,\"posts\":%d,\"events\":%d,\"missing\":%d,"
              + "\"p50_ms\":%.1f,\"p90_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,\"window_cpu_ms\":%d,"
              + "\"client_cpu_ms\":%d}%n",
          connections, posts, latencies.size(), missing,
          pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 100), windowCpu,
          clientCpu);
      listeners.close();
    }
  }

  private static void openModel(URI base, int connections, int posts, double rate, int users, int authors,
      java.nio.file.Path expectedFile, int warmup, java.nio.file.Path serverLog) throws Exception {
    int firstListener = users - connections + 1;
    if (authors >= firstListener) throw new IllegalArgumentException("authors and listeners overlap");
    Map<Integer, Long> listening = new java.util.HashMap<>();
    for (var line : java.nio.file.Files.readAllLines(expectedFile)) {
      var parts = line.trim().split("\\s+");
      if (parts.length == 2) listening.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
    }
    Map<String, ConcurrentLinkedQueue<Long>> arrivals = new ConcurrentHashMap<>();
    Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
    Map<String, Integer> authorOf = new ConcurrentHashMap<>();
    var postLatencies = new ConcurrentLinkedQueue<Double>();
    Map<String, Double> answeredAfter = new ConcurrentHashMap<>();
    var failed = new AtomicInteger();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10)).build();
      var tokens = new ArrayList<String>();
      for (int i = 0; i < connections; i++) tokens.add("bench-token-" + (firstListener + i));
      var listeners = listen(http, base, tokens, arrivals);
      // The server registers a connection just after the handshake; give the last ones a moment.
      Thread.sleep(2000);

      var random = new java.util.Random(42);
      if (warmup > 0) {
        // The warm-up in this JVM, on the same connections: the window then measures neither the
        // listeners' handshakes nor this load generator's own JIT, which share the box's cores.
        var warm = send(http, base, warmup, rate, authors, random, 0, (id, author, due, ms) -> {});
        System.out.printf(java.util.Locale.ROOT, "warm-up: %d posts, %d failed%n", warmup, warm.failed());
        if (serverLog != null) {
          // The first feed trim, a minute after the server's start, would otherwise land in the window.
          for (int i = 0; i < 120 && !java.nio.file.Files.readString(serverLog).contains("Trimmed"); i++) Thread.sleep(1000);
        }
        Thread.sleep(2000);
      }
      awaitWindow();
      long windowStart = System.nanoTime();
      long cpu0 = serverCpuMs();
      long clientCpu0 = clientCpuMs();
      var sent = send(http, base, posts, rate, authors, random, warmup, (id, author, due, ms) -> {
        postLatencies.add(ms);
        answeredAfter.put(id, ms);
        scheduledAt.put(id, due);
        authorOf.put(id, author);
      });
      failed.addAndGet(sent.failed());
      long offeredNanos = sent.offeredNanos();
      long expected = 0;
      for (var author : authorOf.values()) expected += listening.getOrDefault(author, 0L);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && received(arrivals, scheduledAt) < expected) Thread.sleep(100);
      long windowCpu = cpu0 < 0 ? -1 : serverCpuMs() - cpu0;
      long clientCpu = clientCpuMs() - clientCpu0;

      var latencies = new ArrayList<Double>();
      var timeline = new StringBuilder();
      for (var e : scheduledAt.entrySet()) {
        var got = arrivals.get(e.getKey());
        if (got == null) continue;
        for (long at : got) {
          latencies.add((at - e.getValue()) / 1e6);
          timeline.append((e.getValue() - windowStart) / 1_000_000).append(' ').append((at - e.getValue()) / 1_000_000)
              .append(' ').append(Math.round(answeredAfter.getOrDefault(e.getKey(), -1.0))).append('\n');
        }
      }
      Collections.sort(latencies);
      // BENCH_STREAM_TIMELINE=FILE: one line per event, "<ms from the window's start to the post's due time>
      // <latency ms> <ms until the post's POST was answered>".
      var timelineFile = System.getenv("BENCH_STREAM_TIMELINE");
      if (timelineFile != null) java.nio.file.Files.writeString(java.nio.file.Path.of(timelineFile), timeline);
      var posted = new ArrayList<>(postLatencies);
      Collections.sort(posted);
      System.out.printf(
          java.util.Locale.ROOT,
          "BENCH_RESULT {\"connections\":%d,\"posts\":%d,\"offered_rate\":%.1f,\"achieved_rate\":%.1f,"
              + "\"failed_posts\":%d,\"post_p99_ms\":%.1f,\"events\":%d,\"expected\":%d,\"missing\":%d,"
              + "\"p50_ms\":%.1f,\"p90_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,\"window_cpu_ms\":%d,"
              + "\"client_cpu_ms\":%d}%n",
          connections, scheduledAt.size(), rate, posts / (offeredNanos / 1e9), failed.get(), pct(posted, 99),
          latencies.size(), expected, Math.max(0, expected - latencies.size()),
          pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 100), windowCpu,
          clientCpu);
      listeners.close();
    }
  }

  /**
   * With BENCH_WINDOW_MARK set, marks the start of the measured window (MARK.start) and waits up to 30 s
   * for MARK.go: bench/stream.sh takes its CPU and statement figures from there.
   */
  private static void awaitWindow() throws Exception {
    var mark = System.getenv("BENCH_WINDOW_MARK");
    if (mark == null) return;
    java.nio.file.Files.createFile(java.nio.file.Path.of(mark + ".start"));
    var go = java.nio.file.Path.of(mark + ".go");
    for (int i = 0; i < 300 && !java.nio.file.Files.exists(go); i++) Thread.sleep(100);
  }

  /** What a posting phase did: how long its schedule took, and how many posts failed. */
  private record Sent(long offeredNanos, int failed) {}

  /** Called for each post answered 200: its id, author, scheduled time and latency in ms. */
  private interface Posted {
    void accept(String id, int author, long due, double ms);
  }

  /**
   * Sends {@code posts} posts at {@code rate} per second on a fixed schedule, each by one of
   * colleagues 1..authors at random, never waiting for earlier answers; returns once all are answered.
   */
  private static Sent send(HttpClient http, URI base, int posts, double rate, int authors,
      java.util.Random random, int firstNumber, Posted posted) {
    var failed = new AtomicInteger();
    var inFlight = new ArrayList<java.util.concurrent.CompletableFuture<?>>();
    long start = System.nanoTime();
    long period = (long) (1e9 / rate);
    for (int p = 0; p < posts; p++) {
      long due = start + p * period;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      int author = 1 + random.nextInt(authors);
      var request = HttpRequest.newBuilder(base.resolve("/api/v1/statuses"))
          .header("Authorization", "Bearer bench-token-" + author)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Streaming benchmark post " + (firstNumber + p) + "\"}"))
          .build();
      inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        if (error != null || response.statusCode() != 200) {
          failed.incrementAndGet();
          return;
        }
        var id = response.body().replaceFirst("^\\{\"id\":\"(\\d+)\".*$", "$1");
        posted.accept(id, author, due, (System.nanoTime() - due) / 1e6);
      }));
    }
    long offeredNanos = System.nanoTime() - start;
    for (var f : inFlight) {
      try {
        f.join();
      } catch (RuntimeException e) {
        // Counted as failed above.
      }
    }
    return new Sent(offeredNanos, failed.get());
  }

  /**
   * Opens a {@code stream=user} connection per token. BENCH_STREAM_CLIENT=jdk uses the JDK's WebSocket
   * client; the default reads the frames off raw sockets ({@link RawListeners}), which costs the box far
   * less CPU per event: the load generator shares the two cores with the server.
   */
  private static AutoCloseable listen(HttpClient http, URI base, List<String> tokens,
      Map<String, ConcurrentLinkedQueue<Long>> arrivals) throws Exception {
    if (!"jdk".equals(System.getenv("BENCH_STREAM_CLIENT"))) return new RawListeners(base, tokens, arrivals);
    var ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/api/v1/streaming?stream=user");
    var sockets = new ArrayList<WebSocket>();
    for (var token : tokens) {
      sockets.add(http.newWebSocketBuilder()
          .header("Authorization", "Bearer " + token)
          .buildAsync(ws, listener(arrivals))
          .join());
    }
    return () -> sockets.forEach(WebSocket::abort);
  }

  private static WebSocket.Listener listener(Map<String, ConcurrentLinkedQueue<Long>> arrivals) {
    return new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
          var m = UPDATE_ID.matcher(partial);
          if (m.find()) arrivals.computeIfAbsent(m.group(1), k -> new ConcurrentLinkedQueue<>()).add(now);
          partial.setLength(0);
        }
        socket.request(1);
        return null;
      }
    };
  }

  /**
   * Streaming connections on raw sockets, all read by one thread with a selector: the frames stay bytes
   * and the post id of an {@code update} is found in place. The JDK's client decodes every message to
   * UTF-16 and runs a task per message, about 14 µs of CPU per event on this box. Pings get their pong.
   */
  static final class RawListeners implements AutoCloseable {
    private static final byte[] MARK =
        "\"event\":\"update\",\"payload\":\"{\\\"id\\\":\\\"".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, ConcurrentLinkedQueue<Long>> arrivals;
    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    RawListeners(URI base, List<String> tokens, Map<String, ConcurrentLinkedQueue<Long>> arrivals)
        throws IOException {
      this.arrivals = arrivals;
      this.selector = Selector.open();
      var address = new InetSocketAddress(base.getHost(), base.getPort());
      for (var token : tokens) {
        var channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        var buffer = ByteBuffer.allocate(1 << 16);
        handshake(channel, base, token, buffer);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, buffer);
        channels.add(channel);
      }
      reader = Thread.ofPlatform().daemon().name("stream-listeners").start(this::run);
    }

    /** Sends the upgrade request and reads the answer; what follows it stays in {@code buffer}. */
    private static void handshake(SocketChannel channel, URI base, String token, ByteBuffer buffer)
        throws IOException {
      var request = "GET /api/v1/streaming?stream=user HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: c3RyZWFtLWxhdGVuY3kxMg==\r\n"
          + "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
      var out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) channel.write(out);
      while (true) {
        if (channel.read(buffer) < 0) throw new IOException("stream handshake: connection closed");
        var head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) continue;
        if (!head.startsWith("HTTP/1.1 101")) throw new IOException("stream handshake: " + head.lines().findFirst().orElse(""));
        buffer.flip().position(end + 4);
        buffer.compact();
        return;
      }
    }

    private void run() {
      try {
        while (!closed) {
          selector.select();
          long now = System.nanoTime();
          for (var key : selector.selectedKeys()) {
            var channel = (SocketChannel) key.channel();
            var buffer = (ByteBuffer) key.attachment();
            if (channel.read(buffer) < 0) {
              key.cancel();
              continue;
            }
            key.attach(frames(channel, buffer, now));
          }
          selector.selectedKeys().clear();
        }
      } catch (IOException e) {
        if (!closed) throw new java.io.UncheckedIOException(e);
      }
    }

    /** Handles the whole frames in {@code buffer}; returns the buffer to go on reading into. */
    private ByteBuffer frames(SocketChannel channel, ByteBuffer buffer, long now) throws IOException {
      buffer.flip();
      while (buffer.remaining() >= 2) {
        int p = buffer.position();
        int opcode = buffer.get(p) & 0x0f;
        long length = buffer.get(p + 1) & 0x7f;
        int header = 2;
        if (length == 126) {
          if (buffer.remaining() < 4) break;
          length = buffer.getShort(p + 2) & 0xffff;
          header = 4;
        } else if (length == 127) {
          if (buffer.remaining() < 10) break;
          length = buffer.getLong(p + 2);
          header = 10;
        }
        if (buffer.remaining() < header + length) {
          if (header + length > buffer.capacity()) {
            var larger = ByteBuffer.allocate((int) (header + length) * 2);
            larger.put(buffer);
            return larger;
          }
          break;
        }
        int start = p + header;
        int end = start + (int) length;
        if (opcode == 0x1) arrived(buffer.array(), start, end, now);
        else if (opcode == 0x9) pong(channel, buffer, start, end);
        buffer.position(end);
      }
      buffer.compact();
      return buffer;
    }

    private void arrived(byte[] frame, int start, int end, long now) {
      int at = indexOf(frame, start, end, MARK);
      if (at < 0) return;
      int from = at + MARK.length;
      int to = from;
      while (to < end && frame[to] >= '0' && frame[to] <= '9') to++;
      var id = new String(frame, from, to - from, StandardCharsets.US_ASCII);
      arrivals.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(now);
    }

    private static int indexOf(byte[] bytes, int start, int end, byte[] mark) {
      outer:
      for (int i = start; i <= end - mark.length; i++) {
        for (int j = 0; j < mark.length; j++) if (bytes[i + j] != mark[j]) continue outer;
        return i;
      }
      return -1;
    }

    /** A client's frames are masked; a zero mask leaves the ping's payload as it is. */
    private static void pong(SocketChannel channel, ByteBuffer buffer, int start, int end) throws IOException {
      var pong = ByteBuffer.allocate(6 + end - start);
      pong.put((byte) 0x8a).put((byte) (0x80 | (end - start))).putInt(0);
      pong.put(buffer.array(), start, end - start).flip();
      while (pong.hasRemaining()) channel.write(pong);
    }

    @Override
    public void close() throws Exception {
      closed = true;
      selector.wakeup();
      reader.join();
      for (var channel : channels) channel.close();
      selector.close();
    }
  }

  /**
   * CPU time (ms) the server process has used so far, from /proc, when bench/stream.sh passes its pid in
   * BENCH_SERVER_PID; read just before the first post and once every event is in (or the wait ended), so
   * the window holds the posts and their delivery, not the connections' handshakes.
   */
  private static long serverCpuMs() {
    var pid = System.getenv("BENCH_SERVER_PID");
    if (pid == null || pid.isBlank()) return -1;
    try {
      var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.trim(), "stat"));
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 1000 / 100;
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time (ms) this load generator has used so far: it shares the box's cores with the server. */
  private static long clientCpuMs() {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1_000_000;
  }

  private static long received(Map<String, ConcurrentLinkedQueue<Long>> arrivals, Map<String, Long> sentAt) {
    long n = 0;
    for (var id : sentAt.keySet()) {
      var q = arrivals.get(id);
      if (q != null) n += q.size();
    }
    return n;
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) return Double.NaN;
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
