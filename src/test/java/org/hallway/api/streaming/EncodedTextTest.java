package org.hallway.api.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Live frames built once are written as the same bytes to every connection only through Tomcat's byte
 * send path (ADR 0043); without it every frame is encoded again per connection. The frames' content is
 * checked end to end in {@code LiveDeliveryApiTest}.
 */
class EncodedTextTest {
    @Test
    void reachesTomcatsByteSendPath() {
        assertThat(EncodedText.reachable()).isTrue();
    }
}
