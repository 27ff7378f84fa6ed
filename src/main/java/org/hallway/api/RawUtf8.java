package org.hallway.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Raw JSON text held only as its UTF-8 bytes, for {@link tools.jackson.core.JsonGenerator#writeRaw}.
 * Jackson's {@link SerializedString} keeps its text as a {@code String} and, once written to bytes, the
 * bytes beside it: twice the memory of kept text that is almost always written to bytes (responses
 * are). A generator that writes characters (a stream event's payload) decodes the bytes each time.
 * Written quoted (as a string value or a name) it is the quoted form of its text, as Jackson's is.
 */
final class RawUtf8 implements SerializableString {
    private final byte[] utf8;

    RawUtf8(String text) {
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes held, for weighing. */
    int byteLength() {
        return utf8.length;
    }

    @Override
    public String getValue() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    /** The bytes themselves, as Jackson's own kept bytes are: a generator copies them out, never into them. */
    @Override
    public byte[] asUnquotedUTF8() {
        return utf8;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + utf8.length > buffer.length) return -1;
        System.arraycopy(utf8, 0, buffer, offset, utf8.length);
        return utf8.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        var text = getValue();
        if (offset + text.length() > buffer.length) return -1;
        text.getChars(0, text.length(), buffer, offset);
        return text.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8);
        return utf8.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (utf8.length > buffer.remaining()) return -1;
        buffer.put(utf8);
        return utf8.length;
    }

    private SerializedString quoted() {
        return new SerializedString(getValue());
    }

    @Override
    public char[] asQuotedChars() {
        return quoted().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return quoted().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return quoted().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return quoted().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return quoted().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return quoted().putQuotedUTF8(buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }
}
