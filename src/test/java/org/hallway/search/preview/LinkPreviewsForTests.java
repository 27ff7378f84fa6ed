package org.hallway.search.preview;

import java.time.Clock;
import org.hallway.media.ShrinkImage;
import org.hallway.search.LinkPreviews;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Link previews that fetch (the running server's are off), allowed to ask this machine's test servers. */
public final class LinkPreviewsForTests {
    private LinkPreviewsForTests() {}

    public static LinkPreviews fetching(ApplicationContext context, boolean privateAddresses) {
        return fetching(context, privateAddresses, null);
    }

    /**
     * Previews that fetch every page through {@code proxy} (a test's web server, which then answers for
     * any host: links are counted only with a real domain).
     */
    public static LinkPreviews fetching(
            ApplicationContext context, boolean privateAddresses, java.net.@Nullable InetSocketAddress proxy) {
        return new HttpLinkPreviews(
                context.getBean(JdbcClient.class),
                context.getBean(Clock.class),
                true,
                privateAddresses,
                proxy == null ? null : java.net.ProxySelector.of(proxy),
                context.getBean(ShrinkImage.class),
                context.getBean(LinkImages.class));
    }
}
