package org.hallway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests against the whole running server: one embedded PostgreSQL and one application per
 * test JVM (the Spring context is shared), each test class working in a network of its own so that
 * classes stay independent without a fresh database each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HallwayTest {
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("hallway.data-dir", DATA_DIR::toString);
        registry.add("hallway.admin.email", () -> "");
        registry.add("hallway.admin.password", () -> "");
        IdentityServers.register(registry);
        TestMail.register(registry);
        // Personas have managers: following them automatically would change every test's home feeds.
        registry.add("hallway.directory.auto-follow-managers", () -> "false");
        // Posts by authors with three followers or more reach live readers' feeds first (ADR 0066), so the
        // suite delivers posts both in one part and in two.
        registry.add("hallway.feed.live-first-above", () -> "2");
        // Tests send webhooks themselves, at chosen instants, so that retries need no waiting.
        registry.add("hallway.webhooks.interval", () -> "24h");
        // Video and audio limits small enough that a test can send an upload over them (24 and 20 MiB).
        registry.add("hallway.media.video-max-bytes", () -> "25165824");
        registry.add("hallway.media.audio-max-bytes", () -> "20971520");
        // Likewise pushes: new ones go out after commit, retries when a test sends them.
        registry.add("hallway.push.interval", () -> "24h");
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static Path tempDir() {
        try {
            var dir = Files.createTempDirectory("hallway-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
