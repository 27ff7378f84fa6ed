package org.hallway.notify;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server mail goes through. No host: Hallway sends no mail. {@code tls}: {@code starttls}
 * (required), {@code tls} (implicit TLS, usually port 465) or {@code off}.
 */
@ConfigurationProperties("hallway.smtp")
public record SmtpSettings(
        @Nullable String host, int port, @Nullable String user, @Nullable String password, @Nullable String tls) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    public String tlsMode() {
        return tls == null || tls.isBlank() ? "starttls" : tls.strip().toLowerCase(Locale.ROOT);
    }
}
