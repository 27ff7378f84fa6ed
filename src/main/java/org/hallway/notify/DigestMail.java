package org.hallway.notify;

import static org.hallway.notify.AwayMail.esc;
import static org.hallway.notify.AwayMail.excerpt;
import static org.hallway.notify.AwayMail.indent;

import java.util.List;
import org.hallway.identity.Account;
import org.hallway.posts.PostView;
import org.springframework.stereotype.Component;

/**
 * Writes the digest: what matters first (mentions and replies), then posts of the people one follows,
 * then what was popular in one's department; text and HTML, every name and text escaped. A digest with
 * mentions or replies can be answered by mail: its signed reply address answers the newest of them, as
 * the away mail does (ADR 0033); one without them has no reply address, and its From is not read. Every
 * digest carries its unsubscribe link, one click from the mail program (RFC 8058).
 */
@Component
class DigestMail {
    private final MailLinks links;
    private final ReplyAddresses replies;

    private final org.hallway.identity.PreferredLocale locales;

    DigestMail(MailLinks links, ReplyAddresses replies, org.hallway.identity.PreferredLocale locales) {
        this.locales = locales;
        this.links = links;
        this.replies = replies;
    }

    Mailer.Mail compose(
            Account recipient,
            NotificationSettings.Digest digest,
            List<NotificationView> mentions,
            List<PostView> followed,
            List<PostView> department) {
        var period = digest == NotificationSettings.Digest.WEEKLY ? "weekly" : "daily";
        var text = new StringBuilder("Hello " + recipient.displayName() + ",\n\nHere is what you missed.\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>Hello "
                + esc(recipient.displayName()) + ",</p><p>Here is what you missed.</p>");
        if (!mentions.isEmpty()) {
            section(text, html, "Mentions and replies");
            for (var m : mentions) {
                item(
                        text,
                        html,
                        m.actor().displayName() + " " + m.notification().type().verb(),
                        m.post());
            }
        }
        if (!followed.isEmpty()) {
            section(text, html, "From people you follow");
            for (var p : followed) item(text, html, p.author().displayName(), p);
        }
        if (!department.isEmpty()) {
            section(text, html, "Popular in " + recipient.department());
            for (var p : department) item(text, html, p.author().displayName(), p);
        }
        var replyTo = AwayMail.offerReply(replies, recipient, mentions, text, html);
        var stop = links.unsubscribe(recipient.networkId(), recipient.id(), MailLinks.DIGEST);
        var settings = links.base() + "/settings/notifications";
        text.append("--\nStop the digest: ")
                .append(stop)
                .append("\nChoose what Hallway mails you: ")
                .append(settings)
                .append('\n');
        html.append("<hr><p style=\"color:#666;font-size:small\"><a href=\"")
                .append(esc(stop))
                .append("\">Stop the digest</a><br><a href=\"")
                .append(esc(settings))
                .append("\">Choose what Hallway mails you</a></p></body></html>");
        return AwayMail.inLanguage(
                new Mailer.Mail(
                        recipient.email(),
                        "Your " + period + " Hallway digest",
                        text.toString(),
                        html.toString(),
                        AwayMail.headers(stop, replyTo)),
                locales.of(recipient.id()));
    }

    private static void section(StringBuilder text, StringBuilder html, String title) {
        text.append("== ").append(title).append(" ==\n\n");
        html.append("<h2 style=\"font-size:1.1em\">").append(esc(title)).append("</h2>");
    }

    private void item(StringBuilder text, StringBuilder html, String who, PostView view) {
        var post = view == null ? null : view.shown();
        text.append(who).append(":\n");
        html.append("<div style=\"margin:0 0 16px\"><p style=\"margin:0 0 4px\"><strong>")
                .append(esc(who))
                .append("</strong></p>");
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
        }
        html.append("</div>");
    }
}
