package org.hallway.api.streaming;

import java.util.List;
import java.util.Optional;
import org.hallway.identity.SignedIn;
import org.hallway.stream.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A Mastodon stream name (and tag) as apps ask for it, the channel that serves it, and the
 * {@code stream} array that tags each event sent on it.
 */
record MastodonStream(Channel channel, List<String> names) {
    static final String UNKNOWN = "Unknown stream type";

    /**
     * The stream, or an error message as Mastodon words it. A group stream names its group; whether the
     * reader may read it is the caller's question.
     */
    static Result parse(@Nullable String name, @Nullable String tag, @Nullable String group) {
        if (name == null || name.isBlank()) return Result.error(UNKNOWN);
        return switch (name) {
            case "user" -> Result.ok(Channel.of(Channel.Kind.USER), List.of(name));
            case "user:notification" -> Result.ok(Channel.of(Channel.Kind.NOTIFICATIONS), List.of(name));
            case "public" -> Result.ok(Channel.of(Channel.Kind.PUBLIC), List.of(name));
            case "public:local" -> Result.ok(Channel.of(Channel.Kind.PUBLIC_LOCAL), List.of(name));
            case "direct" -> Result.ok(Channel.of(Channel.Kind.DIRECT), List.of(name));
            case "hashtag", "hashtag:local" -> {
                if (tag == null || tag.isBlank()) yield Result.error("No tag for stream provided");
                yield Result.ok(Channel.hashtag(tag, name.endsWith(":local")), List.of(name, tag));
            }
            case "group" -> {
                if (group == null || group.isBlank()) yield Result.error("No group for stream provided");
                try {
                    long id = Long.parseLong(group.strip());
                    yield Result.ok(Channel.group(id), List.of(name, Long.toString(id)));
                } catch (NumberFormatException e) {
                    yield Result.error(UNKNOWN);
                }
            }
            default -> Result.error(UNKNOWN);
        };
    }

    /** Compat(mastodon): notifications need read:notifications, everything else read:statuses. */
    boolean allowedFor(SignedIn signedIn) {
        return channel.kind() == Channel.Kind.NOTIFICATIONS
                ? signedIn.grants("read:notifications")
                : signedIn.grants("read:statuses");
    }

    /** The group a group stream shows, or none. */
    @Nullable
    Long groupId() {
        return channel.kind() == Channel.Kind.GROUP ? Long.valueOf(channel.tag()) : null;
    }

    record Result(Optional<MastodonStream> stream, String error) {
        static Result ok(Channel channel, List<String> names) {
            return new Result(Optional.of(new MastodonStream(channel, names)), "");
        }

        static Result error(String message) {
            return new Result(Optional.empty(), message);
        }
    }
}
