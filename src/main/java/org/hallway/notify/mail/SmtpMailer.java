package org.hallway.notify.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.hallway.notify.MailSettings;
import org.hallway.notify.Mailer;
import org.hallway.notify.SmtpSettings;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends mail through the SMTP server of HALLWAY_SMTP_*; multipart/alternative, text and HTML. */
@Component
class SmtpMailer implements Mailer {
    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final String from;
    private final boolean enabled;

    SmtpMailer(SmtpSettings smtp, MailSettings mail) {
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
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (var h : mail.headers().entrySet()) message.setHeader(h.getKey(), h.getValue());
            sender.send(message);
        } catch (MessagingException e) {
            throw new MailSendException("Could not build the mail", e);
        }
    }
}
