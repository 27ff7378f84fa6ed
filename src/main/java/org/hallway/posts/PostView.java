package org.hallway.posts;

import java.util.List;
import org.hallway.identity.Account;
import org.jspecify.annotations.Nullable;

/**
 * A post as one reader sees it: with its author, tags, mentioned colleagues, the original it reposts,
 * and whether this reader liked, reposted or bookmarked it.
 */
public record PostView(
        Post post,
        Account author,
        List<String> tags,
        List<Account> mentions,
        @Nullable PostView reblog,
        boolean favourited,
        boolean reblogged,
        boolean bookmarked) {

    /** The post whose content is shown: the original for a repost, else the post itself. */
    public PostView shown() {
        return reblog == null ? this : reblog;
    }
}
