import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail sink for the digest benchmark: speaks just enough SMTP to accept every mail, counts mails
 * bytes and SMTP sessions, and writes "mails bytes first_ms last_ms sessions" to a status file once a
 * second.
 * Usage: java SmtpSink.java PORT STATUS_FILE
 */
public class SmtpSink {
    static final AtomicLong mails = new AtomicLong();
    static final AtomicLong bytes = new AtomicLong();
    static final AtomicLong first = new AtomicLong();
    static final AtomicLong last = new AtomicLong();
    static final AtomicLong sessions = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var status = Path.of(args[1]);
        var server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (true) {
                try {
                    Files.writeString(status, mails.get() + " " + bytes.get() + " " + first.get() + " " + last.get() + " "
                            + sessions.get() + "\n");
                    Thread.sleep(1000);
                } catch (Exception e) {
                    return;
                }
            }
        });
        while (true) {
            var socket = server.accept();
            sessions.incrementAndGet();
            Thread.ofVirtual().start(() -> session(socket));
        }
    }

    static void session(Socket socket) {
        try (socket) {
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            var out = socket.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                var verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        long size = 0;
                        while ((line = in.readLine()) != null && !line.equals(".")) size += line.length() + 2;
                        var now = System.currentTimeMillis();
                        first.compareAndSet(0, now);
                        last.set(now);
                        mails.incrementAndGet();
                        bytes.addAndGet(size);
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (Exception ignored) {
            // The client hung up.
        }
    }

    static void reply(OutputStream out, String s) throws Exception {
        out.write((s + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
