package org.hallway.notify;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The IMAP mailbox replies to mails arrive in. No host: Hallway reads no mail and its mails carry no
 * reply address. {@code address}: the mailbox's own address ({@code hallway@corp.example}); reply
 * addresses are made from it as {@code hallway+<token>@corp.example} (plus addressing), so it must
 * deliver such addresses into this mailbox. {@code tls}: {@code tls} (implicit, usually port 993),
 * {@code starttls} or {@code off}. {@code replyValidity}: how long a mail can be answered.
 */
@ConfigurationProperties("hallway.imap")
public record ImapSettings(
        @Nullable String host,
        int port,
        @Nullable String user,
        @Nullable String password,
        @Nullable String tls,
        @Nullable String folder,
        @Nullable String address,
        Duration interval,
        Duration replyValidity) {

    public boolean enabled() {
        return host != null && !host.isBlank() && address != null && address.contains("@");
    }

    public String tlsMode() {
        return tls == null || tls.isBlank() ? "tls" : tls.strip().toLowerCase(Locale.ROOT);
    }

    public String folderName() {
        return folder == null || folder.isBlank() ? "INBOX" : folder.strip();
    }
}
