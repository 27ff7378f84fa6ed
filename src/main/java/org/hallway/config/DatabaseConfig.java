package org.hallway.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is the only database: an external server when {@code HALLWAY_DB_URL} is set, otherwise
 * an embedded one whose files live under the data directory, so a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);
    private static final String DATABASE = "hallway";

    @Bean
    DataSource dataSource(HallwayProperties props) throws IOException, SQLException {
        var db = props.db();
        if (db != null && db.external()) {
            log.info("Database: external PostgreSQL at {}", db.url());
            return pool(db.url(), db.user(), db.password());
        }
        Path dir = postgresDir(props.dataDir());
        var postgres = EarlyDatabaseStart.take(dir);
        if (postgres == null) postgres = startEmbedded(dir);
        log.info("Database: embedded PostgreSQL, data in {}", dir);
        var pool = pool(postgres.getJdbcUrl("postgres", DATABASE), "postgres", null);
        return new EmbeddedDataSource(pool, postgres);
    }

    static Path postgresDir(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }

    /** Starts the embedded server in {@code dir} (creating it on the first start) with Hallway's database. */
    static EmbeddedPostgres startEmbedded(Path dir) throws IOException, SQLException {
        Files.createDirectories(dir.getParent());
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(freePort())
                .setPGStartupWait(Duration.ofSeconds(60))
                // The library's defaults suit throwaway test databases (-F: no fsync; no synchronous
                // commit): Hallway's embedded database holds what colleagues wrote, so a commit is on disk
                // before it is acknowledged (ADR 0040's group commit pays one flush per batch).
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "60")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        try (var c = postgres.getPostgresDatabase().getConnection();
                var st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) st.execute("create database " + DATABASE);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        var cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(20);
        // Idle, a few connections (PostgreSQL backends cost memory each); under load the pool grows to 20.
        cfg.setMinimumIdle(4);
        // Overloaded, a request waits at most 10 s for a connection and is then answered 503 (BusyDatabase).
        cfg.setConnectionTimeout(10_000);
        cfg.setPoolName("hallway");
        cfg.setDataSourceProperties(toProps(Map.of("reWriteBatchedInserts", "true")));
        // No JIT compilation of queries (ADR 0064): Hallway's statements run in milliseconds, and a
        // server built with LLVM compiled those whose estimates passed its threshold again on every
        // call, for tens of milliseconds each.
        cfg.setConnectionInitSql("set jit = off");
        return new HikariDataSource(cfg);
    }

    private static java.util.Properties toProps(Map<String, String> map) {
        var p = new java.util.Properties();
        p.putAll(map);
        return p;
    }

    private static int freePort() {
        try (var s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
