package org.hallway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Map;
import org.hallway.notify.mail.ImapReplyPoller;
import org.hallway.shared.PageRequest;
import org.hallway.testing.ApiTest;
import org.hallway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The away mail of a secret group's post is a way back into the group only while its reader may read
 * the post: someone removed from the group in between replies by mail and posts nothing.
 */
class MailReplyAudienceTest extends ApiTest {
    @Autowired
    SendAwayMails sendAwayMails;

    @Autowired
    ImapReplyPoller poller;

    @Autowired
    ReadNotifications notifications;

    @Test
    void aReplyByMailFromSomeoneRemovedFromTheGroupPostsNothing() throws Exception {
        var fay = p.add("fay", "Fay Field", "", "", "", null);
        var room = alice.post("/api/v1/groups", Map.of("name", "Board room", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        assertThat(alice.post("/api/v1/groups/" + room + "/members", Map.of("account_ids", List.of(fay.idString())))
                        .status())
                .isEqualTo(200);
        var question = post(alice, Map.of("status", "@fay are the board numbers final?", "group_id", room));
        await().atMost(FAN_OUT).until(() -> !notifications
                .handle(fay.viewer(), NotificationQuery.all(), PageRequest.first(40))
                .items()
                .isEmpty());
        sendAwayMails.handle();
        var mails = TestMail.to(fay.email());
        assertThat(mails).hasSize(1);
        var replyTo = ((InternetAddress) mails.getFirst().getReplyTo()[0]).getAddress();

        assertThat(alice.delete("/api/v1/groups/" + room + "/members/" + fay.idString())
                        .status())
                .isEqualTo(200);
        TestMail.deliverToHallway(
                MailReplyTest.reply(fay.email(), replyTo, "<removed@example.org>", "Final, yes. Board secret x"));
        assertThat(poller.poll()).isEqualTo(new ImapReplyPoller.Run(0, 1));

        assertThat(alice.get("/api/v1/statuses/" + question + "/context").body().get("descendants"))
                .isEmpty();
        assertThat(anonymous
                        .as(fay.token())
                        .get("/api/v1/accounts/" + fay.idString() + "/statuses")
                        .body())
                .isEmpty();
    }
}
