package org.hallway.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads HTTP/1.1 responses off a plain socket, byte for byte, as the connector sent them. */
final class RawHttp {
    private RawHttp() {}

    static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("Connection closed after: " + head);
            head.append((char) b);
        }
        return head.toString();
    }

    /** The body after {@code head}: by its length, or chunk by chunk up to the last (empty) one. */
    static byte[] readBody(InputStream in, String head) throws IOException {
        for (var line : head.toLowerCase().split("\r\n")) {
            if (line.startsWith("content-length:"))
                return in.readNBytes(Integer.parseInt(line.substring(15).trim()));
        }
        var body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine(in), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("Connection closed");
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }
}
