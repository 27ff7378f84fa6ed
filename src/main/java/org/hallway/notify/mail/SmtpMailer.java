package org.hallway.notify.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Properties;
import org.hallway.notify.MailSettings;
import org.hallway.notify.Mailer;
import org.hallway.notify.SmtpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through the SMTP server of HALLWAY_SMTP_*; multipart/alternative, text and HTML. A batch
 * goes over one connection, up to {@link #MAILS_PER_CONNECTION} mails each (servers cap the messages of
 * one session); the connections opened and the mails taken are counted ({@code hallway.mail.*}).
 */
@Component
class SmtpMailer implements Mailer {
    static final int MAILS_PER_CONNECTION = 100;
    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final JavaMailSenderImpl sender;
    private final Counter sent;
    private final String from;
    private final boolean enabled;

    SmtpMailer(SmtpSettings smtp, MailSettings mail, MeterRegistry meters) {
        var connections = Counter.builder("hallway.mail.connections")
                .description("Connections opened to the SMTP server")
                .register(meters);
        this.sent = Counter.builder("hallway.mail.sent")
                .description("Mails the SMTP server took")
                .register(meters);
        this.sender = new JavaMailSenderImpl() {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connections.increment();
                return super.connectTransport();
            }
        };
        this.enabled = smtp.enabled();
        var props = new Properties();
        if (smtp.enabled()) {
            sender.setHost(smtp.host().strip());
            sender.setPort(smtp.port());
            if (smtp.user() != null && !smtp.user().isBlank()) {
                sender.setUsername(smtp.user());
                sender.setPassword(smtp.password());
                props.put("mail.smtp.auth", "true");
            }
            switch (smtp.tlsMode()) {
                case "tls" -> {
                    sender.setProtocol("smtps");
                    props.put("mail.smtps.ssl.checkserveridentity", "true");
                }
                case "off", "none", "false" -> {}
                default -> {
                    props.put("mail.smtp.starttls.enable", "true");
                    props.put("mail.smtp.starttls.required", "true");
                    props.put("mail.smtp.ssl.checkserveridentity", "true");
                }
            }
        }
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        sender.setJavaMailProperties(props);
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        this.from = mail.from() == null || mail.from().isBlank()
                ? "hallway@" + (smtp.enabled() ? smtp.host().strip() : "localhost")
                : mail.from().strip();
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void send(Mail mail) {
        sender.send(message(mail));
        sent.increment();
    }

    @Override
    public List<Mail> sendAll(List<Mail> mails) {
        var failed = new ArrayList<Mail>();
        for (int start = 0; start < mails.size(); start += MAILS_PER_CONNECTION) {
            var chunk = mails.subList(start, Math.min(mails.size(), start + MAILS_PER_CONNECTION));
            var messages = new IdentityHashMap<MimeMessage, Mail>();
            for (var mail : chunk) {
                try {
                    messages.put(message(mail), mail);
                } catch (MailException e) {
                    failed.add(mail);
                }
            }
            var batch = messages.keySet().toArray(MimeMessage[]::new);
            if (batch.length == 0) continue;
            try {
                sender.send(batch);
                sent.increment(batch.length);
            } catch (MailSendException e) {
                // Those the server refused, or all that remained when the connection failed, are tried later.
                var refused = e.getFailedMessages().keySet();
                for (var message : batch) if (refused.contains(message)) failed.add(messages.get(message));
                sent.increment(batch.length - refused.size());
                log.warn("The mail server did not take {} of {} mails", refused.size(), batch.length, e);
            } catch (MailException e) {
                failed.addAll(messages.values());
                log.warn("Could not send {} mails", batch.length, e);
            }
        }
        return failed;
    }

    private MimeMessage message(Mail mail) {
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (var h : mail.headers().entrySet()) message.setHeader(h.getKey(), h.getValue());
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the mail", e);
        }
    }
}
