package org.hallway.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SecureNioChannel;
import org.apache.tomcat.util.net.SocketBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO endpoint, except that a connection hands a response body larger than what is left of
 * its socket write buffer to the kernel in one gathering write, behind what the buffer already holds
 * (the status line and headers), instead of copying it through the buffer a buffer's size at a time:
 * one system call and one wake-up of the reader instead of one per 8 KiB (ADR 0059). TLS connections
 * write as Tomcat does; their channel encrypts through its own buffer.
 */
class OneWriteEndpoint extends NioEndpoint {
    private static final Logger log = LoggerFactory.getLogger(OneWriteEndpoint.class);

    /** Tomcat's own {@code setSocketOptions}, with {@link Connection} as the socket wrapper. */
    @Override
    protected boolean setSocketOptions(SocketChannel socket) {
        Connection connection = null;
        try {
            NioChannel channel =
                    getNioChannels() == null ? null : getNioChannels().pop();
            if (channel == null) {
                var buffers = new SocketBufferHandler(
                        socketProperties.getAppReadBufSize(),
                        socketProperties.getAppWriteBufSize(),
                        socketProperties.getDirectBuffer());
                channel = createChannel(buffers);
            }
            connection = new Connection(channel, this);
            channel.reset(socket, connection);
            connections.put(socket, connection);
            socket.configureBlocking(false);
            if (getUnixDomainSocketPath() == null) socketProperties.setProperties(socket.socket());
            connection.setReadTimeout(getConnectionTimeout());
            connection.setWriteTimeout(getConnectionTimeout());
            connection.setKeepAliveLeft(getMaxKeepAliveRequests());
            getPoller().register(connection);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Could not set up a connection", e);
            if (connection == null) destroySocket(socket);
            return false;
        }
    }

    static final class Connection extends NioSocketWrapper {
        Connection(NioChannel channel, NioEndpoint endpoint) {
            super(channel, endpoint);
        }

        @Override
        protected void writeBlocking(ByteBuffer from) throws IOException {
            socketBufferHandler.configureWriteBufferForWrite();
            if (from.remaining() <= socketBufferHandler.getWriteBuffer().remaining()
                    || getSocket() instanceof SecureNioChannel) {
                super.writeBlocking(from);
                return;
            }
            if (previousIOException != null) throw new IOException(previousIOException);
            socketBufferHandler.configureWriteBufferForRead();
            ByteBuffer buffered = socketBufferHandler.getWriteBuffer();
            getSocket().getIOChannel().write(new ByteBuffer[] {buffered, from});
            updateLastWrite();
            // What the kernel did not take at once goes the way Tomcat writes, waiting for the socket.
            if (buffered.hasRemaining()) doWrite(true, buffered);
            if (from.hasRemaining()) doWrite(true, from);
        }
    }
}
