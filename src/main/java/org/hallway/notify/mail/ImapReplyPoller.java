package org.hallway.notify.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hallway.notify.ImapSettings;
import org.hallway.notify.PostMailReply;
import org.hallway.notify.ReplyAddresses;
import org.hallway.notify.internal.ReplyText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads replies to Hallway's mails from the IMAP mailbox of HALLWAY_IMAP_*: every unread mail is
 * handed to {@link PostMailReply}, then marked read (and flagged when refused, for a person to look
 * at), so no mail is handled twice. Mails that could not be read stay unread for the next run.
 */
@Component
public class ImapReplyPoller {
    private static final Logger log = LoggerFactory.getLogger(ImapReplyPoller.class);

    private final ImapSettings imap;
    private final PostMailReply reply;

    ImapReplyPoller(ImapSettings imap, PostMailReply reply) {
        this.imap = imap;
        this.reply = reply;
    }

    /** What one run did. */
    public record Run(int posted, int refused) {}

    @Scheduled(initialDelayString = "${hallway.imap.interval}", fixedDelayString = "${hallway.imap.interval}")
    void scheduled() {
        if (!imap.enabled()) return;
        try {
            var run = poll();
            if (run.posted() + run.refused() > 0)
                log.info("Mail replies: {} posted, {} refused", run.posted(), run.refused());
        } catch (RuntimeException e) {
            log.warn("Could not read replies from the IMAP mailbox; will try again", e);
        }
    }

    /** Handles every unread mail in the folder once. */
    public synchronized Run poll() {
        if (!imap.enabled()) return new Run(0, 0);
        var protocol = imap.tlsMode().equals("tls") ? "imaps" : "imap";
        var props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        switch (imap.tlsMode()) {
            case "tls" -> props.put("mail.imaps.ssl.checkserveridentity", "true");
            case "off", "none", "false" -> {}
            default -> {
                props.put("mail.imap.starttls.enable", "true");
                props.put("mail.imap.starttls.required", "true");
                props.put("mail.imap.ssl.checkserveridentity", "true");
            }
        }
        int posted = 0;
        int refused = 0;
        try (var store = Session.getInstance(props).getStore(protocol)) {
            store.connect(imap.host().strip(), imap.port(), imap.user(), imap.password());
            var folder = store.getFolder(imap.folderName());
            folder.open(Folder.READ_WRITE);
            try {
                for (var message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Boolean ok = handle(message);
                    if (ok == null) continue;
                    if (ok) posted++;
                    else refused++;
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP: " + e.getMessage(), e);
        }
        return new Run(posted, refused);
    }

    /** True: posted; false: refused; null: could not be read, left for the next run. */
    private @Nullable Boolean handle(Message message) {
        try {
            var from = firstAddress(message.getFrom());
            var to = replyAddress(message);
            var messageId = message instanceof jakarta.mail.internet.MimeMessage mime ? mime.getMessageID() : null;
            var body = text(message);
            var outcome = from == null || to == null || body == null
                    ? new PostMailReply.Outcome.Refused("no sender, reply address or text")
                    : reply.handle(new PostMailReply.Command(to, from, messageId, body));
            message.setFlag(Flags.Flag.SEEN, true);
            if (outcome instanceof PostMailReply.Outcome.Refused) {
                message.setFlag(Flags.Flag.FLAGGED, true);
                if (from == null || to == null || body == null)
                    log.warn("Refused mail reply {}: no sender, reply address or text", messageId);
                return false;
            }
            return true;
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not handle a mail in the reply mailbox; will try again", e);
            return null;
        }
    }

    private static @Nullable String firstAddress(Address @Nullable [] addresses) {
        if (addresses == null) return null;
        for (var a : addresses) if (a instanceof InternetAddress ia) return ia.getAddress();
        return null;
    }

    /** The recipient address carrying a reply token (To, Cc, or the delivery headers of forwarding servers). */
    private static @Nullable String replyAddress(Message message) throws MessagingException {
        var candidates = new ArrayList<String>();
        var all = message.getAllRecipients();
        if (all != null) for (var a : all) if (a instanceof InternetAddress ia) candidates.add(ia.getAddress());
        for (var header : List.of("Delivered-To", "X-Original-To")) {
            var values = message.getHeader(header);
            if (values != null) candidates.addAll(List.of(values));
        }
        return candidates.stream()
                .filter(a -> ReplyAddresses.tokenIn(a).isPresent())
                .findFirst()
                .orElse(null);
    }

    /** The plain-text part, else the HTML part as text. */
    private static @Nullable String text(Part part) throws MessagingException, IOException {
        var plain = find(part, "text/plain");
        if (plain != null) return plain;
        var html = find(part, "text/html");
        return html == null ? null : ReplyText.fromHtml(html);
    }

    private static @Nullable String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return null;
        if (part.isMimeType(type)) return part.getContent().toString();
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var found = find(child, type);
                if (found != null) return found;
            }
        }
        return null;
    }
}
