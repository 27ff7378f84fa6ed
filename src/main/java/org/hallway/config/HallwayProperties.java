package org.hallway.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Hallway's settings; application.yml maps each HALLWAY_* environment variable onto one of them. */
@ConfigurationProperties("hallway")
public record HallwayProperties(Path dataDir, Db db, Admin admin, String networkName, @Nullable String publicUrl) {

    public record Db(@Nullable String url, @Nullable String user, @Nullable String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Admin(@Nullable String email, @Nullable String password) {}
}
