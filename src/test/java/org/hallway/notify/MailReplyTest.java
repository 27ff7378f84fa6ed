package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.hallway.identity.DeactivateAccount;
import org.hallway.notify.mail.ImapReplyPoller;
import org.hallway.shared.PageRequest;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.hallway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replies by mail: the away mail's reply address is read back from a real IMAP mailbox (GreenMail)
 * and becomes a reply in the thread; forged, foreign or stale replies post nothing.
 */
class MailReplyTest extends ApiTest {
    @Autowired
    SendAwayMails sendAwayMails;

    @Autowired
    ImapReplyPoller poller;

    @Autowired
    ReadNotifications notifications;

    @Autowired
    DeactivateAccount deactivate;

    @Test
    void aReplyToTheAwayMailAppearsInTheThreadByTheRecipientWithThePostsAudience() throws Exception {
        var carol = p.add("carol", "Carol Cook", "", "", "", null);
        // Alice follows carol, so carol's followers-only answer reaches her.
        follow(alice, carol);
        var question =
                post(alice, java.util.Map.of("status", "@carol can you check the budget?", "visibility", "private"));
        var replyTo = awayMailReplyTo(carol);
        assertThat(replyTo).startsWith("hallway+").endsWith("@example.com");

        TestMail.deliverToHallway(reply(
                carol.email(),
                replyTo,
                "<mail-1@example.org>",
                "Checked, <b>all fine</b> & done.\n\nOn Tue, 1 Dec 2026 at 10:00, Alice Adams <alice@example.com> wrote:\n"
                        + "> @carol can you check the budget?\n\n-- \nCarol Cook, Finance\n"));
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(1, 0));

        var replies =
                alice.get("/api/v1/statuses/" + question + "/context").body().get("descendants");
        assertThat(replies).hasSize(1);
        var reply = replies.get(0);
        assertThat(reply.get("account").get("id").asString()).isEqualTo(carol.idString());
        assertThat(reply.get("content").asString())
                .contains("Checked, &lt;b&gt;all fine&lt;/b&gt; &amp; done.")
                .doesNotContain("wrote", "Finance", "<b>");
        // The question went to alice's followers only; the answer reaches no further.
        assertThat(reply.get("visibility").asString()).isEqualTo("private");
        assertThat(reply.get("in_reply_to_id").asString()).isEqualTo(question);
        // Alice hears about the answer like about any reply.
        await().atMost(FAN_OUT)
                .until(() ->
                        notifications
                                .handle(p.alice.viewer(), NotificationQuery.all(), PageRequest.first(40))
                                .items()
                                .stream()
                                .anyMatch(n -> n.actor().id() == carol.id()));

        // The mail was marked read: the next run leaves it alone.
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(0, 0));
        // The same mail delivered again (same Message-ID) is not posted twice.
        TestMail.deliverToHallway(reply(carol.email(), replyTo, "<mail-1@example.org>", "Checked, all fine & done."));
        poller.poll();
        assertThat(alice.get("/api/v1/statuses/" + question + "/context").body().get("descendants"))
                .hasSize(1);
    }

    @Test
    void refusesForgedUnsignedForeignAndDeactivatedRepliesAndPostsNothing() throws Exception {
        var dana = p.add("dana", "Dana Dale", "", "", "", null);
        var question = post(bob, "@dana lunch tomorrow?");
        var replyTo = awayMailReplyTo(dana);
        var at = replyTo.indexOf('@');
        var last = replyTo.charAt(at - 1);
        var forged = replyTo.substring(0, at - 1) + (last == 'a' ? 'b' : 'a') + replyTo.substring(at);
        var otherPost = replyTo.replaceFirst(
                "\\+([0-9a-z]+)-([0-9a-z]+)-", "+$1-" + Long.toString(Long.parseLong(question) + 1, 36) + "-");

        TestMail.deliverToHallway(reply(dana.email(), forged, "<forged@example.org>", "Forged yes"));
        TestMail.deliverToHallway(reply(dana.email(), otherPost, "<other@example.org>", "Other post yes"));
        TestMail.deliverToHallway(reply(dana.email(), TestMail.MAILBOX, "<unsigned@example.org>", "Unsigned yes"));
        TestMail.deliverToHallway(reply(p.eve.email(), replyTo, "<eve@example.org>", "Eve says yes"));
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(0, 4));

        deactivate.handle(p.admin.viewer(), dana.id());
        TestMail.deliverToHallway(reply(dana.email(), replyTo, "<gone@example.org>", "Gone yes"));
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(0, 1));

        assertThat(bob.get("/api/v1/statuses/" + question + "/context").body().get("descendants"))
                .isEmpty();
        assertThat(flaggedInMailbox()).isGreaterThanOrEqualTo(5);
    }

    /** Sends the away mail of someone who was mentioned and returns its Reply-To address. */
    private String awayMailReplyTo(Personas.Persona who) throws Exception {
        await().atMost(FAN_OUT).until(() -> !notifications
                .handle(who.viewer(), NotificationQuery.all(), PageRequest.first(40))
                .items()
                .isEmpty());
        sendAwayMails.handle();
        var mails = TestMail.to(who.email());
        assertThat(mails).hasSize(1);
        var mail = mails.getFirst();
        assertThat(mail.getContentType()).startsWith("multipart/");
        assertThat(mail.getReplyTo()).hasSize(1);
        return ((InternetAddress) mail.getReplyTo()[0]).getAddress();
    }

    static MimeMessage reply(String from, String to, String messageId, String text) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Re: your Hallway mail");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static long flaggedInMailbox() throws Exception {
        var user = TestMail.server().getUserManager().getUser("hallway");
        return TestMail.server().getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .filter(m -> m.getFlags().contains(Flags.Flag.FLAGGED))
                .count();
    }
}
