package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hallway.follow.FollowAccount;
import org.hallway.notify.mail.ImapReplyPoller;
import org.hallway.shared.PageRequest;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.hallway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A digest run as the mail server sees it (GreenMail): all digests over one SMTP connection; each one
 * answerable by mail when it has a mention to answer, and stopped in one click from the mail program.
 */
class DigestDeliveryTest extends ApiTest {
    @Autowired
    SendDigests sendDigests;

    @Autowired
    ChangeNotificationSettings changeSettings;

    @Autowired
    NotificationSettingsStore settings;

    @Autowired
    ReadNotifications notifications;

    @Autowired
    FollowAccount follow;

    @Autowired
    ImapReplyPoller poller;

    @Autowired
    MeterRegistry meters;

    @Test
    void oneConnectionCarriesTheRunsDigestsEachAnswerableAndStoppedInOneClick() throws Exception {
        var mentioned = new ArrayList<Personas.Persona>();
        var questions = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var reader = daily(p.add("digest" + i, "Digest Reader " + i, "", "", "", null));
            mentioned.add(reader);
            questions.add(post(bob, "@digest" + i + " can you review <the plan>?"));
        }
        // A reader with nothing to answer: posts of someone followed only.
        var quiet = daily(p.add("digestquiet", "Quiet Reader", "", "", "", null));
        follow.handle(quiet.viewer(), p.alice.id());
        post(alice, "Release notes are out");
        for (var reader : mentioned) awaitNotification(reader);

        var connections = meters.counter("hallway.mail.connections");
        var before = connections.count();
        assertThat(sendDigests.handle()).isGreaterThanOrEqualTo(5);
        assertThat(connections.count() - before).isEqualTo(1.0);

        var digests = new ArrayList<MimeMessage>();
        for (var reader : mentioned) digests.add(digestOf(reader));
        var quietDigest = digestOf(quiet);
        for (var digest : List.copyOf(digests)) {
            assertThat(digest.getHeader("Reply-To")[0]).startsWith("hallway+").endsWith("@example.com");
            assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(digest.getHeader("List-Unsubscribe")[0])
                    .startsWith("<http")
                    .contains("/mail/unsubscribe?token=");
        }
        // Nothing to answer: no reply address (ADR 0033), still one click to stop it.
        assertThat(quietDigest.getHeader("Reply-To")).isNull();
        assertThat(quietDigest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // A reply to the digest answers the mention in it, by the reader.
        TestMail.deliverToHallway(MailReplyTest.reply(
                mentioned.getFirst().email(),
                digests.getFirst().getHeader("Reply-To")[0],
                "<digest-reply-1@example.org>",
                "Reviewed, looks good."));
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(1, 0));
        var replies = bob.get("/api/v1/statuses/" + questions.getFirst() + "/context")
                .body()
                .get("descendants");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).get("account").get("id").asString())
                .isEqualTo(mentioned.getFirst().idString());

        // The mail program's one-click POST, with no session and no CSRF token, stops the digest.
        var link = quietDigest.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        var oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(settings.of(quiet.id()).digest()).isEqualTo(NotificationSettings.Digest.OFF);
        assertThat(settings.of(mentioned.getFirst().id()).digest()).isEqualTo(NotificationSettings.Digest.DAILY);
        // A forged token changes nothing.
        var forged = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link.substring(0, link.length() - 2) + "xx"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);

        // The run marked every digest sent: a second run sends nothing and connects to nobody.
        var afterRun = connections.count();
        assertThat(sendDigests.handle()).isZero();
        assertThat(connections.count()).isEqualTo(afterRun);
        assertThat(TestMail.to(mentioned.get(1).email())).hasSize(1);
    }

    private Personas.Persona daily(Personas.Persona reader) {
        changeSettings.handle(
                reader.viewer(),
                new ChangeNotificationSettings.Command(List.of("mention"), List.of(), null, null, "UTC", "daily"));
        return reader;
    }

    private void awaitNotification(Personas.Persona who) {
        await().atMost(FAN_OUT).until(() -> !notifications
                .handle(who.viewer(), NotificationQuery.all(), PageRequest.first(40))
                .items()
                .isEmpty());
    }

    private static MimeMessage digestOf(Personas.Persona reader) throws Exception {
        var mails = TestMail.to(reader.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Your daily Hallway digest");
        return mails.getFirst();
    }
}
