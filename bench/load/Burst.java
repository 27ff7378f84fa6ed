import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * A burst of kept-alive connections: opens N connections to 127.0.0.1:PORT, sends one
 * {@code GET PATH} on each at once, reads every response, then keeps all of them open and silent for
 * HOLD seconds, as browsers and apps do between requests. Prints one {@code BURST} JSON line (statuses
 * counted) once every response is read, then holds.
 *
 * <p>Run with the JDK's source launcher, no build: {@code java Burst.java PORT N PATH HOLD}.
 */
public class Burst {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    String path = args[2];
    int hold = Integer.parseInt(args[3]);
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);

    var sockets = new ArrayList<Socket>();
    for (int i = 0; i < n; i++) {
      var socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(120_000);
      sockets.add(socket);
    }
    for (var socket : sockets) socket.getOutputStream().write(request);
    Map<Integer, Integer> statuses = new TreeMap<>();
    int open = 0;
    for (var socket : sockets) {
      var status = readResponse(socket.getInputStream());
      statuses.merge(status.code, 1, Integer::sum);
      if (status.keptAlive) open++;
    }
    System.out.printf("BURST {\"connections\":%d,\"kept_alive\":%d,\"statuses\":%s}%n", n, open, json(statuses));
    System.out.flush();
    Thread.sleep(hold * 1000L);
    for (var socket : sockets) socket.close();
  }

  private record Status(int code, boolean keptAlive) {}

  /** Reads one response with a Content-Length body (Hallway's JSON answers and its 503s have one). */
  private static Status readResponse(InputStream in) throws IOException {
    var head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("connection closed in the response head: " + head);
      head.append((char) b);
    }
    int length = 0;
    boolean close = false;
    for (var line : head.toString().split("\r\n")) {
      var lower = line.toLowerCase();
      if (lower.startsWith("content-length:")) length = Integer.parseInt(lower.substring(15).trim());
      if (lower.startsWith("connection:") && lower.contains("close")) close = true;
    }
    if (in.readNBytes(length).length != length) throw new IOException("short body");
    return new Status(Integer.parseInt(head.substring(9, 12)), !close);
  }

  private static String json(Map<Integer, Integer> counts) {
    var out = new StringBuilder("{");
    counts.forEach((code, count) -> out.append(out.length() > 1 ? "," : "").append('"').append(code).append("\":").append(count));
    return out.append('}').toString();
  }
}
