package org.hallway.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is read, so that
 * the database comes up while Spring builds the rest of the context (ADR 0030); {@link DatabaseConfig}
 * then takes the running server instead of starting one. Registered by the application's {@code main}
 * only: elsewhere (tests) the database starts when the context asks for it. With an external database
 * ({@code HALLWAY_DB_URL}) it does nothing.
 */
public final class EarlyDatabaseStart implements ApplicationListener<SpringApplicationEvent> {
    private record Start(Path dir, CompletableFuture<EmbeddedPostgres> server) {}

    private static volatile @Nullable Start start;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            // Spring AOT runs main at build time to learn the context, and abandons the run before any
            // bean is made: no database then.
            if (Boolean.getBoolean("spring.aot.processing")) return;
            var env = prepared.getEnvironment();
            if (StringUtils.hasText(env.getProperty("hallway.db.url"))) return;
            Path dir = DatabaseConfig.postgresDir(Path.of(env.getProperty("hallway.data-dir", "./data")));
            var server = new CompletableFuture<EmbeddedPostgres>();
            Thread.ofPlatform().name("postgres-start").daemon().start(() -> {
                try {
                    server.complete(DatabaseConfig.startEmbedded(dir));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            });
            start = new Start(dir, server);
        } else if (event instanceof ApplicationFailedEvent) {
            // The context failed before it took the server: stop it, or it would outlive the JVM.
            var left = start;
            start = null;
            if (left != null) left.server().thenAccept(EarlyDatabaseStart::close);
        }
    }

    /** The server started early for this directory, waiting for it to be up; null if none was. */
    static @Nullable EmbeddedPostgres take(Path dir) throws IOException {
        var s = start;
        if (s == null) return null;
        start = null;
        if (!s.dir().equals(dir)) {
            // Configured differently by now: the caller starts the right one; this one must not stay up.
            s.server().thenAccept(EarlyDatabaseStart::close);
            return null;
        }
        try {
            return s.server().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException("The embedded PostgreSQL did not start", e.getCause());
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // Shutting down after a failed start: nothing more to do.
        }
    }
}
