package org.hallway.follow;

/**
 * The SQL conditions that keep muted and blocked colleagues out of a reader's feeds and notifications,
 * in one place as {@link org.hallway.audience.Visibility} is for audiences. Each is a single {@code
 * NOT EXISTS} over three index probes (the reader's mutes, the reader's blocks, blocks of the reader),
 * embedded in the feed query: a page is never short because of it, and no post is checked on its own.
 *
 * <p>A mute is the muter's choice and lasts until it expires (compared with {@code now()}, so no job
 * ends it); a block works both ways: neither colleague sees the other's posts or hears from them.
 * Muting or blocking is a matter of taste, not of confidentiality: profiles stay visible, and a post
 * opened directly (a link, a thread) is still shown.
 */
public final class MutesAndBlocks {
    private MutesAndBlocks() {}

    /**
     * The condition that the post row aliased {@code p} (or, for a repost, its original) is not by an
     * author the reader bound as {@code :viewer} muted, blocked or is blocked by.
     */
    public static String postNotHidden(String p) {
        return postNotHidden(p, ":viewer");
    }

    /** The same for a reader given as an SQL expression (live delivery checks many readers at once). */
    public static String postNotHidden(String p, String viewer) {
        var authors =
                "(" + p + ".author_id, (select mbo.author_id from posts mbo where mbo.id = " + p + ".reblog_of_id))";
        return notHidden(viewer, authors, false);
    }

    /**
     * The condition that the reader given as an SQL expression has a mute that ends by itself: time alone
     * changes what such a reader sees, so what a feed's check answered is not kept for them.
     */
    public static String hasTimedMutes(String reader) {
        return "exists (select 1 from mutes mtm where mtm.account_id = " + reader + " and mtm.expires_at is not null)";
    }

    /**
     * The accounts whose posts the reader bound as {@code :viewer} does not see in lists of posts (search
     * results included): those they mute now, block, or are blocked by. One row per account.
     */
    public static final String HIDDEN_AUTHORS = "select mhm.target_id from mutes mhm where mhm.account_id = :viewer"
            + " and (mhm.expires_at is null or mhm.expires_at > now())"
            + " union select mhb.target_id from blocks mhb where mhb.account_id = :viewer"
            + " union select mhc.account_id from blocks mhc where mhc.target_id = :viewer";

    /**
     * The condition that notifications caused by the account in the column {@code actor} reach the
     * reader bound as {@code :viewer}: not blocked either way, not muted with its notifications.
     */
    public static String actorNotHidden(String actor) {
        return actorNotHidden(actor, ":viewer");
    }

    /** The same for a reader given as an SQL expression (a batch of notifications checks many at once). */
    public static String actorNotHidden(String actor, String viewer) {
        return notHidden(viewer, "(" + actor + ")", true);
    }

    private static String notHidden(String viewer, String authors, boolean notifications) {
        return "not exists (select 1 from mutes mbm where mbm.account_id = " + viewer + " and mbm.target_id in "
                + authors + " and (mbm.expires_at is null or mbm.expires_at > now())"
                + (notifications ? " and mbm.notifications" : "")
                + " union all select 1 from blocks mbb where mbb.account_id = " + viewer + " and mbb.target_id in "
                + authors
                + " union all select 1 from blocks mbc where mbc.target_id = " + viewer + " and mbc.account_id in "
                + authors + ")";
    }
}
