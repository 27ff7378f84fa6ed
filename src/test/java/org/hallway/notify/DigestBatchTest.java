package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.Personas;
import org.hallway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One digest run writes many readers' digests with one query per section for the whole batch (ADR
 * 0043); each reader still gets exactly their own: what they follow, what their department liked, ranked
 * by reactions, and nothing they may not see.
 */
class DigestBatchTest extends ApiTest {
    @Autowired
    SendDigests sendDigests;

    @Autowired
    ChangeNotificationSettings changeSettings;

    @Test
    void readersOfOneBatchEachGetTheirOwnSectionsRankedAndOnlyWhatTheyMaySee() throws Exception {
        var lara = daily(p.add("lara", "Lara Lopez", "Counsel", "Legal", "Madrid", null));
        var omar = daily(p.add("omar", "Omar Okafor", "Counsel", "Legal", "Lagos", null));
        var sami = daily(p.add("sami", "Sami Salo", "Seller", "Sales", "Oulu", null));
        var lena = p.add("lena", "Lena Lind", "Counsel", "Legal", "Lund", null);
        var asLara = alice.as(lara.token());
        var asOmar = alice.as(omar.token());
        var asSami = alice.as(sami.token());
        var asLena = alice.as(lena.token());

        follow(asLara, p.alice);
        follow(asLara, p.tom);
        follow(asSami, p.alice);
        assertThat(asOmar.post("/api/v1/tags/contracts/follow").status()).isEqualTo(200);

        var quiet = post(alice, "Roadmap draft, no reactions yet");
        var liked = post(alice, "Roadmap final, much liked");
        like(liked, bob, tom, eve);
        like(quiet, bob);
        // Followers only: lara follows tom; omar follows the tag, not tom, and may not see it.
        post(tom, Map.of("status", "Private note on #contracts", "visibility", "private"));
        post(bob, "Public thoughts on #contracts");
        // Liked by colleagues: the Legal department's popular post, which Sales does not get.
        var legal = post(asLena, "Legal brief for everyone");
        like(legal, bob);
        var legalPrivate = post(asLena, Map.of("status", "Legal private memo", "visibility", "private"));
        follow(bob, lena);
        like(legalPrivate, bob);

        assertThat(sendDigests.handle()).isGreaterThanOrEqualTo(3);

        var forLara = digestText(lara);
        assertThat(forLara).contains("Roadmap final", "Roadmap draft", "Private note on #contracts");
        assertThat(forLara.indexOf("Roadmap final")).isLessThan(forLara.indexOf("Roadmap draft"));
        assertThat(forLara).contains("Popular in Legal", "Legal brief for everyone");
        assertThat(forLara).doesNotContain("Public thoughts", "Legal private memo");

        var forOmar = digestText(omar);
        assertThat(forOmar).contains("Public thoughts on #contracts", "Legal brief for everyone");
        assertThat(forOmar).doesNotContain("Private note", "Roadmap", "Legal private memo");

        var forSami = digestText(sami);
        assertThat(forSami).contains("Roadmap final", "Roadmap draft");
        assertThat(forSami).doesNotContain("Legal brief", "Popular in", "Private note", "Public thoughts");
    }

    private Personas.Persona daily(Personas.Persona reader) {
        changeSettings.handle(
                reader.viewer(),
                new ChangeNotificationSettings.Command(List.of("mention"), List.of(), null, null, "UTC", "daily"));
        return reader;
    }

    private static void like(String postId, Api... likers) {
        for (var liker : likers)
            assertThat(liker.post("/api/v1/statuses/" + postId + "/favourite").status())
                    .isEqualTo(200);
    }

    private static String digestText(Personas.Persona reader) throws Exception {
        var mails = TestMail.to(reader.email()).stream()
                .filter(m -> subject(m).equals("Your daily Hallway digest"))
                .toList();
        assertThat(mails).hasSize(1);
        return part(mails.getFirst(), "text/plain");
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
