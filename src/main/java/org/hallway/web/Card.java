package org.hallway.web;

import org.hallway.identity.Account;
import org.hallway.posts.Post;
import org.hallway.posts.PostView;
import org.hallway.search.LinkCards;
import org.jspecify.annotations.Nullable;

/**
 * A post card as the templates draw it. {@code itemId} is the feed entry (a repost's own id), so that
 * an action on a reposted card redraws the same card with the repost header; the content, counts and
 * buttons are those of the original. {@code filteredBy} names the reader's {@code warn} filter the post
 * matches in the page's context: the card is then folded under "Filtered: <title>" until shown anyway.
 * {@code link} is the preview of the post's first link whose page was read (ADR 0046).
 */
public record Card(
        long itemId,
        PostView shown,
        @Nullable Account reposter,
        String avatar,
        String permalink,
        When when,
        boolean mine,
        @Nullable GroupRef group,
        java.util.List<Picture> pictures,
        @Nullable String filteredBy,
        LinkCards.@Nullable Card link) {

    /**
     * An attachment: its preview in the card (none for audio), its original behind a click or in the
     * player, its alt text; {@code type} is Mastodon's: image, video, gifv (a looping silent video) or audio.
     */
    public record Picture(
            @Nullable String preview, String original, String alt, int width, int height, String type, long id) {
        public boolean image() {
            return type.equals("image");
        }

        public boolean video() {
            return type.equals("video");
        }

        public boolean gifv() {
            return type.equals("gifv");
        }

        public boolean audio() {
            return type.equals("audio");
        }
    }

    /** The group a group post belongs to, for the "in <group>" line. */
    public record GroupRef(long id, String name, boolean publicGroup) {
        public String href() {
            return "/groups/" + id;
        }

        /** Who reads what is posted or replied in this group: every colleague for a public group, else its members. */
        public String audienceNote() {
            return publicGroup ? "Public group: every colleague can read it" : "Only this group's members see it";
        }
    }

    /** A post's time: short relative text, a machine-readable instant and a full date for the tooltip. */
    public record When(String relative, String iso, String full) {}

    public Post post() {
        return shown.post();
    }

    public Account author() {
        return shown.author();
    }

    public boolean edited() {
        return shown.post().editedAt() != null;
    }

    /** Only company-wide posts and posts of public groups can be reposted; others offer no repost button. */
    public boolean repostable() {
        return shown.post().visibility().companyWide() || (group != null && group.publicGroup());
    }

    public String visibilityLabel() {
        return switch (shown.post().visibility()) {
            case PUBLIC -> "Company-wide";
            case UNLISTED -> "Company-wide, not in the company feed";
            case PRIVATE -> "Followers only";
            case GROUP -> group != null && group.publicGroup()
                    ? "Public group: every colleague may read it"
                    : "Group members";
            case DIRECT -> "Direct message";
        };
    }

    /** Whether the card shows a lock: posts for followers, direct messages, posts of private and secret groups. */
    public boolean restricted() {
        var visibility = shown.post().visibility();
        if (visibility == org.hallway.posts.PostVisibility.GROUP) return group == null || !group.publicGroup();
        return !visibility.companyWide();
    }

    /** "Engineer · Platform" or just one of them; empty when the author filled in neither. */
    public String workContext() {
        return Cards.join(author().title(), author().department());
    }

    /** The same card under a warning filter's title. */
    public Card filtered(String filterTitle) {
        return new Card(itemId, shown, reposter, avatar, permalink, when, mine, group, pictures, filterTitle, link);
    }

    /**
     * Whether the card shows its link's preview: as in Mastodon's web UI, only when the post has no
     * attachments and no poll, which take that place.
     */
    public boolean showsLink() {
        return link != null && pictures.isEmpty() && shown.poll() == null;
    }

    public String domId() {
        return "post-" + itemId;
    }
}
