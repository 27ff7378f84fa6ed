package org.hallway.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.hallway.identity.Account;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the mail that tells an away colleague what happened: one mail for everything that waited,
 * as plain text and as HTML with every name and text escaped, with an unsubscribe link per type.
 */
@Component
class AwayMail {
    private static final int EXCERPT = 500;

    private final MailLinks links;
    private final ReplyAddresses replies;

    private final org.hallway.identity.PreferredLocale locales;

    AwayMail(MailLinks links, ReplyAddresses replies, org.hallway.identity.PreferredLocale locales) {
        this.locales = locales;
        this.links = links;
        this.replies = replies;
    }

    Mailer.Mail compose(Account recipient, List<NotificationView> items) {
        var subject =
                items.size() == 1 ? line(items.getFirst()) : items.size() + " new notifications while you were away";
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.append("Hello ").append(recipient.displayName()).append(",\n\nWhile you were away:\n\n");
        html.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<p>Hello ")
                .append(esc(recipient.displayName()))
                .append(",</p><p>While you were away:</p>");
        var types = new LinkedHashSet<NotificationType>();
        for (var item : items) {
            types.add(item.notification().type());
            var post = item.post() == null ? null : item.post().shown();
            text.append(line(item)).append(":\n");
            html.append("<div style=\"margin:0 0 16px\"><p style=\"margin:0 0 4px\"><strong>")
                    .append(esc(item.actor().displayName()))
                    .append("</strong> ")
                    .append(esc(item.notification().type().verb()))
                    .append(":</p>");
            if (post != null) {
                var link = links.post(post.author().username(), post.post().id());
                var excerpt = excerpt(post.post().text());
                text.append(indent(excerpt)).append("\n  ").append(link).append("\n\n");
                html.append(
                                "<blockquote style=\"margin:0 0 4px;padding-left:8px;border-left:3px solid #ccc;white-space:pre-line\">")
                        .append(esc(excerpt))
                        .append("</blockquote><a href=\"")
                        .append(esc(link))
                        .append("\">Open in Hallway</a>");
            } else {
                text.append('\n');
            }
            html.append("</div>");
        }
        var replyTo = offerReply(replies, recipient, items, text, html);
        var settings = links.base() + "/settings/notifications";
        text.append("--\nYou get this mail because you were away when this happened.\n");
        html.append(
                "<hr><p style=\"color:#666;font-size:small\">You get this mail because you were away when this happened.<br>");
        var unsubscribes = new ArrayList<String>();
        for (var type : types) {
            var link = links.unsubscribe(recipient.networkId(), recipient.id(), type.code());
            unsubscribes.add(link);
            text.append("Stop mails about ")
                    .append(type.label().toLowerCase(java.util.Locale.ROOT))
                    .append(": ")
                    .append(link)
                    .append('\n');
            html.append("<a href=\"")
                    .append(esc(link))
                    .append("\">Stop mails about ")
                    .append(esc(type.label().toLowerCase(java.util.Locale.ROOT)))
                    .append("</a><br>");
        }
        text.append("Choose what Hallway mails you: ").append(settings).append('\n');
        html.append("<a href=\"")
                .append(esc(settings))
                .append("\">Choose what Hallway mails you</a></p></body></html>");
        return AwayMail.inLanguage(
                new Mailer.Mail(
                        recipient.email(),
                        subject,
                        text.toString(),
                        html.toString(),
                        headers(unsubscribes.getFirst(), replyTo)),
                locales.of(recipient.id()));
    }

    /** The mail marked with the recipient's language: {@code Content-Language} and the HTML's {@code lang}. */
    static Mailer.Mail inLanguage(Mailer.Mail mail, String language) {
        var headers = new java.util.LinkedHashMap<>(mail.headers());
        headers.put("Content-Language", language);
        var html = mail.html().replaceFirst("<html>", "<html lang=\"" + esc(language) + "\">");
        return new Mailer.Mail(
                mail.to(), mail.subject(), mail.text(), html, java.util.Collections.unmodifiableMap(headers));
    }

    /**
     * The headers of a mail Hallway writes by itself: its unsubscribe link, one click from the mail
     * program (RFC 8058); marked automatic (no out-of-office answers); its reply address, if any.
     */
    static Map<String, String> headers(String unsubscribe, @Nullable String replyTo) {
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", MailLinks.ONE_CLICK);
        headers.put("Auto-Submitted", "auto-generated");
        if (replyTo != null) headers.put("Reply-To", replyTo);
        return Map.copyOf(headers);
    }

    /**
     * Offers to answer the newest mention, direct message or reply among the items by replying to the
     * mail: appends the note to both bodies and returns the signed reply address, or null when there is
     * nothing to answer or Hallway reads no replies.
     */
    static @Nullable String offerReply(
            ReplyAddresses replies,
            Account recipient,
            List<NotificationView> items,
            StringBuilder text,
            StringBuilder html) {
        var answered = replyTarget(items);
        if (answered == null) return null;
        var replyTo = replies.address(
                recipient.networkId(),
                recipient.id(),
                answered.post().shown().post().id());
        if (replyTo != null) {
            var note = "Reply to this mail to answer " + answered.actor().displayName() + " in Hallway.";
            text.append(note).append("\n\n");
            html.append("<p>").append(esc(note)).append("</p>");
        }
        return replyTo;
    }

    /** The post a reply to this mail answers: the newest mention, direct message or reply in it. */
    private static @Nullable NotificationView replyTarget(List<NotificationView> items) {
        NotificationView target = null;
        for (var item : items) {
            var type = item.notification().type();
            if (item.post() == null || (type != NotificationType.MENTION && type != NotificationType.REPLY)) continue;
            if (target == null
                    || item.notification()
                            .createdAt()
                            .isAfter(target.notification().createdAt())) target = item;
        }
        return target;
    }

    private static String line(NotificationView item) {
        return item.actor().displayName() + " " + item.notification().type().verb();
    }

    static String excerpt(String text) {
        var t = text.strip();
        return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT - 1) + "…";
    }

    static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
