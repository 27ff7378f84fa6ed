package org.hallway.api.streaming;

import java.util.List;
import java.util.Map;
import org.hallway.api.BaseUrl;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Mastodon's streaming API at {@code /api/v1/streaming}. The API security chain has already
 * authenticated the handshake (token in the Authorization header, the access_token parameter or the
 * Sec-WebSocket-Protocol header) before it reaches this handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamingConfig implements WebSocketConfigurer {
    static final String BASE_URL = "hallway.baseUrl";

    private final StreamingHandler handler;
    private final BaseUrl baseUrl;

    StreamingConfig(StreamingHandler handler, BaseUrl baseUrl) {
        this.handler = handler;
        this.baseUrl = baseUrl;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/streaming", "/api/v1/streaming/")
                .setHandshakeHandler(new EchoProtocolHandshakeHandler())
                .addInterceptors(new RememberBaseUrl())
                // Tokens, not cookies, authenticate here, so another origin's page gains nothing.
                .setAllowedOriginPatterns("*");
    }

    /** Compat(masto.js): a token sent as the subprotocol must come back as the chosen subprotocol. */
    private static final class EchoProtocolHandshakeHandler extends DefaultHandshakeHandler {
        @Override
        protected String selectProtocol(List<String> requested, WebSocketHandler webSocketHandler) {
            return requested.isEmpty() ? null : requested.getFirst();
        }
    }

    /** Events are rendered outside any request; links in them use the address the client connected to. */
    private final class RememberBaseUrl implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler wsHandler,
                Map<String, Object> attributes) {
            attributes.put(BASE_URL, baseUrl.get());
            return true;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler, Exception e) {}
    }
}
