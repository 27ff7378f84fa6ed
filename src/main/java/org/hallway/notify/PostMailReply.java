package org.hallway.notify;

import org.hallway.identity.AccountStore;
import org.hallway.notify.internal.ReplyText;
import org.hallway.posts.CreatePost;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns a mail answering a Hallway mail into a reply in the thread, by the colleague the reply address
 * was made for, through {@link CreatePost} (so the reply keeps the post's audience, fans out and
 * notifies like any other). Refused, with nothing posted: an address without a valid, unexpired
 * signature, a sender whose address is not that colleague's, a deactivated colleague, a post they can
 * no longer see, an empty reply. The mail's Message-ID is the idempotency key, so a mail read twice is
 * posted once.
 */
@Service
public class PostMailReply {
    private static final Logger log = LoggerFactory.getLogger(PostMailReply.class);

    /** One mail as it arrived: its reply address, sender, Message-ID and plain-text body. */
    public record Command(String to, String from, @Nullable String messageId, String body) {}

    public sealed interface Outcome {
        record Posted(long postId) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    private final ReplyAddresses addresses;
    private final AccountStore accounts;
    private final CreatePost createPost;

    PostMailReply(ReplyAddresses addresses, AccountStore accounts, CreatePost createPost) {
        this.addresses = addresses;
        this.accounts = accounts;
        this.createPost = createPost;
    }

    public Outcome handle(Command cmd) {
        var token = ReplyAddresses.tokenIn(cmd.to()).orElse(null);
        if (token == null) return refuse(cmd, "no reply token in the address");
        var sender = accounts.findByEmail(cmd.from().strip()).orElse(null);
        if (sender == null) return refuse(cmd, "the sender is no colleague");
        var grant = addresses.verify(sender.networkId(), token).orElse(null);
        if (grant == null) return refuse(cmd, "the reply address is forged, expired or not the sender's");
        if (grant.accountId() != sender.id()) return refuse(cmd, "the reply address is not the sender's");
        if (!sender.active()) return refuse(cmd, "the sender's account is deactivated");
        var text = ReplyText.of(cmd.body());
        if (text.isBlank()) return refuse(cmd, "the reply is empty");
        var viewer = new Viewer(sender.id(), sender.networkId(), sender.admin());
        var key = cmd.messageId() == null || cmd.messageId().isBlank()
                ? null
                : "mail:" + cmd.messageId().strip();
        try {
            var post = createPost.handle(
                    viewer, new CreatePost.Command(text, grant.postId(), null, null, false, null, key));
            log.info("Posted mail reply {} by colleague {} to post {}", post.id(), sender.id(), grant.postId());
            return new Outcome.Posted(post.id());
        } catch (NotFoundException e) {
            return refuse(cmd, "the post is gone or no longer visible to the sender");
        } catch (InvalidInputException e) {
            return refuse(cmd, e.getMessage());
        }
    }

    private static Outcome refuse(Command cmd, String reason) {
        log.warn("Refused mail reply from {} (Message-ID {}): {}", cmd.from(), cmd.messageId(), reason);
        return new Outcome.Refused(reason);
    }
}
