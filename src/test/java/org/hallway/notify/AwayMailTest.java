package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hallway.follow.FollowAccount;
import org.hallway.posts.CreatePost;
import org.hallway.shared.PageRequest;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.hallway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail to colleagues who are away, received by a real SMTP server (GreenMail). */
class AwayMailTest extends ApiTest {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(http://\\S+/mail/unsubscribe\\?token=\\S+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    SendAwayMails sendAwayMails;

    @Autowired
    org.hallway.identity.PreferredLocale locales;

    @Autowired
    ReadNotifications notifications;

    @Autowired
    NotificationSettingsStore settings;

    @Autowired
    PendingMailStore pending;

    @Autowired
    CreatePost createPost;

    @Autowired
    SendDigests sendDigests;

    @Autowired
    ChangeNotificationSettings changeSettings;

    @Autowired
    FollowAccount follow;

    @Test
    void mailsTwoMentionsOnceInOneEscapedMailWhoseUnsubscribeLinkWorks() throws Exception {
        var carol = p.add("carol", "Carol Cook", "", "", "", null);
        post(alice, "@carol please review <b>the plan</b> & \"budget\"");
        post(bob, "@carol lunch?");
        awaitNotifications(carol, 2);

        sendAwayMails.handle();
        sendAwayMails.handle();
        var mails = TestMail.to(carol.email());
        assertThat(mails).hasSize(1);
        var mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("2 new notifications while you were away");
        assertThat(mail.getContentType()).startsWith("multipart/");
        var text = part(mail, "text/plain");
        var html = part(mail, "text/html");
        assertThat(text)
                .contains("Alice Adams mentioned you", "Bob Brown mentioned you")
                .contains("@carol please review <b>the plan</b> & \"budget\"", "@carol lunch?");
        assertThat(html)
                .contains("@carol please review &lt;b&gt;the plan&lt;/b&gt; &amp; &quot;budget&quot;")
                .doesNotContain("<b>the plan</b>");
        assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();

        var matcher = UNSUBSCRIBE.matcher(text);
        assertThat(matcher.find()).isTrue();
        var link = matcher.group(1);
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        var forged = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        var refused =
                browser.send(HttpRequest.newBuilder(URI.create(forged)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This link is not valid");

        var page = browser.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop e-mails about mentions?");
        assertThat(settings.of(carol.id()).byMail()).contains(NotificationType.MENTION);
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var token = link.substring(link.indexOf("token=") + 6);
        var form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var done = browser.send(
                HttpRequest.newBuilder(URI.create(link.substring(0, link.indexOf('?'))))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You will no longer get e-mails about mentions");
        assertThat(settings.of(carol.id()).byMail()).doesNotContain(NotificationType.MENTION);

        post(tom, "@carol are you there?");
        awaitNotifications(carol, 3);
        sendAwayMails.handle();
        assertThat(TestMail.to(carol.email())).hasSize(1);
    }

    @Test
    void aMailIsMarkedWithTheLanguageTheColleagueChose() throws Exception {
        var dora = p.add("dora", "Dora Diaz", "", "", "", null);
        // Chosen on the settings page; using the API would make her present, and so not away.
        locales.change(dora.account().networkId(), dora.id(), "de");
        post(alice, "@dora kannst du die Folien prüfen?");
        awaitNotifications(dora, 1);

        sendAwayMails.handle();
        var mails = TestMail.to(dora.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getHeader("Content-Language")).containsExactly("de");
        assertThat(part(mails.getFirst(), "text/html")).contains("<html lang=\"de\">");
    }

    @Test
    void mailsOnlyWhatTheAwayColleagueMaySee() throws Exception {
        var dave = p.add("dave", "Dave Dune", "", "", "", null);
        settings.save(
                p.networkId,
                dave.id(),
                new NotificationSettings(
                        EnumSet.allOf(NotificationType.class),
                        EnumSet.of(NotificationType.MENTION, NotificationType.REPLY),
                        null,
                        null,
                        ZoneId.of("UTC"),
                        NotificationSettings.Digest.OFF));
        // Through the use case: dave stays away (he makes no request).
        var question = createPost.handle(
                dave.viewer(), new CreatePost.Command("Anyone for a review?", null, "public", null, false, null, null));
        // Dave does not follow tom, so tom's followers-only reply is out of his sight.
        post(
                tom,
                Map.of(
                        "status",
                        "Secret answer for followers",
                        "in_reply_to_id",
                        Long.toString(question.id()),
                        "visibility",
                        "private"));
        post(alice, "@dave I can review");
        await().atMost(FAN_OUT).until(() -> pending.waitingFor(dave.viewer()).size() == 2);

        sendAwayMails.handle();
        var mails = TestMail.to(dave.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Alice Adams mentioned you");
        var text = part(mails.getFirst(), "text/plain");
        assertThat(text).contains("@dave I can review").doesNotContain("Secret answer");
        assertThat(pending.waitingFor(dave.viewer())).isEmpty();
    }

    @Test
    void sendsTheDigestWithMentionsFirstThenFollowedThenDepartmentAndOnlyWhatTheReaderMaySee() throws Exception {
        var erin = p.add("erin", "Erin Ellis", "Analyst", "Finance", "Paris", null);
        changeSettings.handle(
                erin.viewer(),
                new ChangeNotificationSettings.Command(
                        List.of("mention", "favourite"), List.of(), null, null, "UTC", "daily"));
        follow.handle(erin.viewer(), p.alice.id());
        var roadmap = post(alice, "Roadmap for next quarter");
        assertThat(bob.post("/api/v1/statuses/" + roadmap + "/favourite").status())
                .isEqualTo(200);
        var closed = post(eve, "Quarter closed, thanks all");
        assertThat(tom.post("/api/v1/statuses/" + closed + "/favourite").status())
                .isEqualTo(200);
        follow(admin, p.eve);
        var secret = post(eve, Map.of("status", "Finance secret", "visibility", "private"));
        assertThat(admin.post("/api/v1/statuses/" + secret + "/favourite").status())
                .isEqualTo(200);
        post(bob, "@erin budget numbers <please>");
        awaitNotifications(erin, 1);

        sendDigests.handle();
        sendDigests.handle();
        var digests = TestMail.to(erin.email()).stream()
                .filter(m -> subject(m).equals("Your daily Hallway digest"))
                .toList();
        assertThat(digests).hasSize(1);
        var text = part(digests.getFirst(), "text/plain");
        var html = part(digests.getFirst(), "text/html");
        assertThat(text).contains("budget numbers <please>", "Roadmap for next quarter", "Quarter closed");
        assertThat(text.indexOf("Mentions and replies"))
                .isLessThan(text.indexOf("From people you follow"))
                .isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf("From people you follow")).isLessThan(text.indexOf("Popular in Finance"));
        assertThat(text).doesNotContain("Finance secret");
        assertThat(html).contains("budget numbers &lt;please&gt;").doesNotContain("<please>");
        assertThat(text).contains("Stop the digest: ");
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitNotifications(Personas.Persona who, int count) {
        await().atMost(FAN_OUT)
                .until(() -> notifications
                                .handle(who.viewer(), NotificationQuery.all(), PageRequest.first(40))
                                .items()
                                .size()
                        == count);
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) return (String) part.getContent();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var found = part(child, type);
                if (found != null) return found;
            }
        }
        return null;
    }
}
