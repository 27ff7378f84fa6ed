package org.hallway.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail SMTP and IMAP server for the whole test JVM, on a free port, started before the Spring context
 * so that its port can be registered as Hallway's SMTP server (the JUnit extension starts too late).
 */
public final class TestMail {
    /** The mailbox replies to Hallway's mails arrive in. */
    public static final String MAILBOX = "hallway@example.com";

    private static final String MAILBOX_USER = "hallway";
    private static final String MAILBOX_PASSWORD = "mailbox-secret";
    private static final GreenMail SERVER = start();

    private TestMail() {}

    /** Hallway's mail settings for tests: this server, no TLS, no batching delay, no scheduled run. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("hallway.smtp.host", () -> "127.0.0.1");
        registry.add("hallway.smtp.port", () -> SERVER.getSmtp().getPort());
        registry.add("hallway.smtp.tls", () -> "off");
        registry.add("hallway.mail.from", () -> "hallway@example.com");
        registry.add("hallway.mail.batch-delay", () -> "0s");
        // Tests run the mail job themselves, so that what one mail collects does not depend on timing.
        registry.add("hallway.mail.interval", () -> "24h");
        // Replies by mail: Hallway's own mailbox on the same server's IMAP port; tests poll it themselves.
        registry.add("hallway.imap.host", () -> "127.0.0.1");
        registry.add("hallway.imap.port", () -> SERVER.getImap().getPort());
        registry.add("hallway.imap.user", () -> MAILBOX_USER);
        registry.add("hallway.imap.password", () -> MAILBOX_PASSWORD);
        registry.add("hallway.imap.tls", () -> "off");
        registry.add("hallway.imap.address", () -> MAILBOX);
        registry.add("hallway.imap.interval", () -> "24h");
    }

    /**
     * Puts a mail into Hallway's mailbox as a mail server doing plus addressing would
     * ({@code hallway+token@…} delivered to {@code hallway@…}); GreenMail itself has no plus addressing.
     */
    public static void deliverToHallway(MimeMessage message) {
        SERVER.getUserManager().getUser(MAILBOX_USER).deliver(message);
    }

    public static GreenMail server() {
        return SERVER;
    }

    /** The mails received so far for one address. */
    public static List<MimeMessage> to(String email) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(m -> recipients(m).stream().anyMatch(a -> a.toString().equalsIgnoreCase(email)))
                .toList();
    }

    private static List<Address> recipients(MimeMessage m) {
        try {
            var all = m.getAllRecipients();
            return all == null ? List.of() : List.of(all);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        var server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        server.start();
        server.setUser(MAILBOX, MAILBOX_USER, MAILBOX_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
