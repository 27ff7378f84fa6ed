package org.hallway.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about. The codes are Mastodon's, except {@code reply}: a reply to one's post
 * that does not mention one, which Mastodon clients know only as {@code mention}; and the group types
 * ({@code group_invite}, {@code group_join_request}, {@code group_join_approved},
 * {@code group_removed}), which Mastodon has not:
 * the API returns them only to requests that name them in {@code types[]} (ADR 0022).
 */
public enum NotificationType {
    MENTION("Mentions", "mentioned you"),
    REPLY("Replies", "replied to your post"),
    REBLOG("Reposts", "reposted your post"),
    FAVOURITE("Likes", "liked your post"),
    FOLLOW("New followers", "followed you"),
    STATUS("New posts", "posted"),
    UPDATE("Edits", "edited a post you reposted"),
    POLL("Ended polls", "ran a poll that has ended"),
    GROUP_INVITE("Group invitations", "added you to a group"),
    GROUP_JOIN_REQUEST("Requests to join your groups", "asked to join a group"),
    GROUP_JOIN_APPROVED("Approved requests to join", "let you into a group"),
    GROUP_REMOVED("Group removals by the directory", "left a group with the directory"),
    /** To administrators: a colleague filed a report (Mastodon's {@code admin.report}). */
    ADMIN_REPORT("Reports to moderate (administrators)", "reported a colleague");

    private final String label;
    private final String verb;

    NotificationType(String label, String verb) {
        this.label = label;
        this.verb = verb;
    }

    public String code() {
        // Compat(mastodon): the administrators' types are named admin.<what>.
        if (this == ADMIN_REPORT) return "admin.report";
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type as Mastodon's API names it. */
    public String apiCode() {
        return this == REPLY ? "mention" : code();
    }

    /** Hallway's own type, unknown to Mastodon apps. */
    public boolean extension() {
        return this == GROUP_INVITE
                || this == GROUP_JOIN_REQUEST
                || this == GROUP_JOIN_APPROVED
                || this == GROUP_REMOVED;
    }

    /** About the recipient's own standing, so they are its actor: an ended poll of theirs, a group left. */
    public boolean aboutOneself() {
        return this == POLL || this == GROUP_REMOVED;
    }

    /** For settings: a plural noun ("Likes"). */
    public String label() {
        return label;
    }

    /** For sentences: "bob liked your post". */
    public String verb() {
        return verb;
    }

    public static Optional<NotificationType> of(String code) {
        if (code == null) return Optional.empty();
        var c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(c)).findFirst();
    }

    /** The stored types an API type code selects: {@code mention} selects replies too. */
    public static List<NotificationType> ofApiCode(String code) {
        var c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.apiCode().equals(c)).toList();
    }

    /** The types colleagues can receive today. */
    public static List<NotificationType> offered() {
        return List.of(
                MENTION,
                REPLY,
                REBLOG,
                FAVOURITE,
                FOLLOW,
                STATUS,
                UPDATE,
                POLL,
                GROUP_INVITE,
                GROUP_JOIN_REQUEST,
                GROUP_JOIN_APPROVED,
                GROUP_REMOVED,
                ADMIN_REPORT);
    }
}
