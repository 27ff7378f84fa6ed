package org.hallway.web.notify;

import java.time.Instant;
import java.util.List;
import org.hallway.groups.Group;
import org.hallway.identity.Account;
import org.hallway.notify.NotificationType;
import org.hallway.posts.PostView;
import org.jspecify.annotations.Nullable;

/**
 * Notifications shown as one line: likes and reposts of one post, and new followers, come together
 * ("Bob Brown and 2 others liked your post"); mentions and replies stand alone.
 */
public record NotificationGroup(
        NotificationType type,
        List<Account> actors,
        @Nullable PostView post,
        Instant at,
        boolean unread,
        @Nullable Group group) {
    private static final int EXCERPT = 280;

    public Account first() {
        return actors.getFirst();
    }

    /** "and 2 others", or empty for one colleague. */
    public String others() {
        int more = actors.size() - 1;
        if (more <= 0) return "";
        return " and " + more + (more == 1 ? " other" : " others");
    }

    public String what() {
        return switch (type) {
            case MENTION -> "mentioned you";
            case REPLY -> "replied to your post";
            case REBLOG -> "reposted your post";
            case FAVOURITE -> "liked your post";
            case FOLLOW -> "followed you";
            case STATUS -> "posted";
            case UPDATE -> "edited a post you reposted or liked";
            case POLL -> "ended a poll";
            case GROUP_INVITE -> "added you to the group";
            case GROUP_JOIN_REQUEST -> "asked to join your group";
            case GROUP_JOIN_APPROVED -> "let you into the group";
            case GROUP_REMOVED -> "left the group";
            case ADMIN_REPORT -> "reported a colleague (see Reports in Administration)";
        };
    }

    /** The group a group notification is about, linked after the sentence. */
    public @Nullable String groupLink() {
        // A secret group the directory took one out of no longer opens for them: its name stays, unlinked.
        if (type == NotificationType.GROUP_REMOVED
                && group != null
                && group.privacy() == org.hallway.groups.GroupPrivacy.SECRET) return null;
        return group == null ? null : "/groups/" + group.id();
    }

    public String groupName() {
        return group == null ? "" : group.name();
    }

    public String icon() {
        return switch (type) {
            case MENTION -> "mentions";
            case REPLY -> "reply";
            case REBLOG -> "repost";
            case FAVOURITE -> "like";
            case FOLLOW -> "people";
            case UPDATE -> "edit";
            case GROUP_INVITE, GROUP_JOIN_REQUEST, GROUP_JOIN_APPROVED, GROUP_REMOVED -> "people";
            default -> "bell";
        };
    }

    public @Nullable String postLink() {
        if (post == null) return null;
        var shown = post.shown();
        return "/@" + shown.author().username() + "/" + shown.post().id();
    }

    /** The post's text as its author typed it, shortened; the template escapes it. */
    public String excerpt() {
        if (post == null) return "";
        var text = post.shown().post().text().strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
}
