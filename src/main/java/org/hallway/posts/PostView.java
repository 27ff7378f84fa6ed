package org.hallway.posts;

import java.util.List;
import org.hallway.identity.Account;
import org.hallway.polls.Poll;
import org.hallway.shared.Memo;
import org.jspecify.annotations.Nullable;

/**
 * A post as one reader sees it: with its author, tags, mentioned colleagues, the original it reposts,
 * whether this reader liked, reposted or bookmarked it, its poll with this reader's votes, and whether
 * it has media attachments (read for a page only when one of its posts has any). {@code memo} is the
 * row's own ({@link Memo}): the same for every view of the same row instance, whoever reads it.
 */
public record PostView(
        Post post,
        Account author,
        List<String> tags,
        List<Account> mentions,
        @Nullable PostView reblog,
        boolean favourited,
        boolean reblogged,
        boolean bookmarked,
        @Nullable Poll poll,
        boolean hasMedia,
        Memo memo) {

    /** The post whose content is shown: the original for a repost, else the post itself. */
    public PostView shown() {
        return reblog == null ? this : reblog;
    }
}
