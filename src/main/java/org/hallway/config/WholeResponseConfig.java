package org.hallway.config;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A response of up to {@link #RESPONSE_BUFFER} goes out whole, with its length, in one write to the
 * socket (ADR 0059). Tomcat holds a response until it is complete instead of sending each 8 KiB as it
 * fills; a flush, which Spring calls after every body it writes, no longer sends the headers and
 * switches the rest to chunks. {@link OneWriteEndpoint} then writes the headers and the body together.
 *
 * <p>What streams still goes out when it asks to: live streams and server-sent events flush once their
 * request has gone on asynchronously, and a body larger than the buffer goes out as the buffer fills.
 */
@Configuration(proxyBeanMethods = false)
class WholeResponseConfig {
    /** A page of 20 statuses is about 45 KB (of 40, about 90 KB: two writes); most answers are smaller. */
    static final int RESPONSE_BUFFER = 64 * 1024;

    @Bean
    FilterRegistrationBean<Filter> wholeResponses() {
        Filter filter = (request, response, chain) ->
                chain.doFilter(request, new Buffered(request, (HttpServletResponse) response));
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A response whose flushes wait for its end, unless the request went on asynchronously. Its buffer
     * grows when its body is first written, and only for a request that has not: a live stream keeps
     * its request processor, and with it the buffer, for as long as it is open.
     */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final ServletRequest request;
        private @Nullable ServletOutputStream out;

        Buffered(ServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                growBuffer();
                out = new UnflushedStream(request, super.getOutputStream());
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            growBuffer();
            return super.getWriter();
        }

        private void growBuffer() {
            if (!request.isAsyncStarted() && !isCommitted() && getBufferSize() < RESPONSE_BUFFER)
                setBufferSize(RESPONSE_BUFFER);
        }

        /** Spring calls this after every body, through {@code ServerHttpResponse.flush()}. */
        @Override
        public void flushBuffer() throws IOException {
            if (request.isAsyncStarted()) super.flushBuffer();
        }
    }

    /** The response's own stream, whose {@code flush()} leaves the bytes in the response buffer. */
    private static final class UnflushedStream extends ServletOutputStream {
        private final ServletRequest request;
        private final ServletOutputStream out;

        UnflushedStream(ServletRequest request, ServletOutputStream out) {
            this.request = request;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            out.write(buffer);
        }

        /** Spring's message converters call this after every body they write. */
        @Override
        public void flush() throws IOException {
            if (request.isAsyncStarted()) out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
