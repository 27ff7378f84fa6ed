package org.hallway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.hallway.HallwayApplication;
import org.hallway.identity.SetUpNetwork;
import org.hallway.posts.CreatePost;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hallway keeps everything across a restart, flushes every commit to disk, and runs on an external
 * PostgreSQL when told to, without JIT-compiled queries.
 */
class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void keepsPostsAcrossARestartOfTheEmbeddedDatabase() {
        Viewer admin;
        long postId;
        try (var app = start("--hallway.data-dir=" + dataDir)) {
            var account = app.getBean(SetUpNetwork.class)
                    .handle(new SetUpNetwork.Command(
                            "Restart Inc", "ada@restart.example", "long enough password", "Ada"));
            admin = new Viewer(account.id(), account.networkId(), true);
            postId = app.getBean(CreatePost.class)
                    .handle(
                            admin,
                            new CreatePost.Command(
                                    "Still here after a restart", null, "public", null, false, null, null))
                    .id();
            // What was acknowledged is on disk: the embedded server flushes every commit.
            var settings = new JdbcTemplate(app.getBean(DataSource.class));
            assertThat(settings.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(settings.queryForObject("show synchronous_commit", String.class))
                    .isEqualTo("on");
            assertThat(settings.queryForObject("show full_page_writes", String.class))
                    .isEqualTo("on");
        }
        assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
        // The restart goes the way of main: the database starts early, on a thread of its own.
        try (var app = new SpringApplicationBuilder(HallwayApplication.class)
                .listeners(new EarlyDatabaseStart())
                .run(args("--hallway.data-dir=" + dataDir))) {
            assertThat(app.getBean(SetUpNetwork.class).needed()).isFalse();
            assertThat(app.getBean(FindPosts.class)
                            .require(admin, postId)
                            .post()
                            .text())
                    .isEqualTo("Still here after a restart");
        }
    }

    @Test
    void usesAnExternalPostgresqlWhenGivenItsUrl() throws Exception {
        try (var external = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("external"))
                .setCleanDataDirectory(true)
                .start()) {
            var url = external.getJdbcUrl("postgres", "postgres");
            try (var app = start(
                    "--hallway.data-dir=" + dataDir.resolve("app"),
                    "--hallway.db.url=" + url,
                    "--hallway.db.user=postgres")) {
                app.getBean(SetUpNetwork.class)
                        .handle(new SetUpNetwork.Command(
                                "External Inc", "ada@external.example", "long enough password", "Ada"));
                // Its queries are never JIT-compiled, whatever the server's own setting.
                assertThat(new JdbcTemplate(app.getBean(DataSource.class)).queryForObject("show jit", String.class))
                        .isEqualTo("off");
            }
            try (var c = external.getPostgresDatabase().getConnection();
                    var rs = c.createStatement().executeQuery("select name from networks")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("External Inc");
            }
            assertThat(Files.exists(dataDir.resolve("app/postgres"))).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(HallwayApplication.class).run(args(args));
    }

    private static String[] args(String... args) {
        var all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--hallway.admin.email=";
        all[args.length + 2] = "--hallway.admin.password=";
        return all;
    }
}
