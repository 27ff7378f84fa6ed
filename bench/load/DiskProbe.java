import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How long the disk takes to make a small write durable, sampled beside a run: every 10 ms an 8 KB
 * write and a data flush (fdatasync, as PostgreSQL's commit does for its WAL) to FILE on the disk under
 * test. Each flush over 10 ms is appended to OUT as "<epoch seconds> <ms>", so that a run's slow
 * moments can be set beside the disk's. Runs for SECONDS or until stopped, then deletes FILE.
 *
 * <p>Usage: java DiskProbe.java FILE OUT SECONDS
 */
public class DiskProbe {
  public static void main(String[] args) throws IOException, InterruptedException {
    var file = Path.of(args[0]);
    // bench/stream.sh ends the probe with a signal: the file goes then too.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        System.err.println("DiskProbe: could not delete " + file + ": " + e);
      }
    }));
    long end = System.nanoTime() + (long) (Double.parseDouble(args[2]) * 1e9);
    var block = ByteBuffer.allocateDirect(8192);
    try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        var out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])), true)) {
      for (long n = 0; System.nanoTime() < end; n++) {
        long start = System.nanoTime();
        block.clear();
        channel.write(block, (n % 128) * 8192);
        channel.force(false);
        double ms = (System.nanoTime() - start) / 1e6;
        if (ms > 10) out.printf(Locale.ROOT, "%.3f %.1f%n", System.currentTimeMillis() / 1e3, ms);
        Thread.sleep(10);
      }
    }
  }
}
