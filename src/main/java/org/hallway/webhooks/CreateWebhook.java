package org.hallway.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.hallway.groups.GroupPrivacy;
import org.hallway.groups.GroupStore;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * An administrator points events at a URL. The secret is made here when none is given. A webhook
 * for a group's posts is allowed for public groups only: what a private or secret group says never
 * leaves Hallway this way.
 */
@Service
public class CreateWebhook {
    public record Command(
            String url,
            List<String> events,
            @Nullable String secret,
            @Nullable Long groupId,
            @Nullable String hashtag) {}

    private static final int MIN_SECRET = 16;

    private final WebhookStore store;
    private final GroupStore groups;
    private final Ids ids;
    private final Clock clock;

    CreateWebhook(WebhookStore store, GroupStore groups, Ids ids, Clock clock) {
        this.store = store;
        this.groups = groups;
        this.ids = ids;
        this.clock = clock;
    }

    public Webhook handle(Viewer admin, Command cmd) {
        if (!admin.admin()) throw new ForbiddenException("This action is not allowed");
        var url = url(cmd.url());
        var events = EnumSet.noneOf(WebhookEvent.class);
        for (var code : cmd.events())
            events.add(WebhookEvent.of(code)
                    .orElseThrow(() -> new InvalidInputException("events", "Unknown event: " + code)));
        if (events.isEmpty()) throw new InvalidInputException("events", "Choose at least one event");
        var hashtag = cmd.hashtag() == null || cmd.hashtag().isBlank()
                ? null
                : cmd.hashtag().strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        if (hashtag != null && !hashtag.matches("[\\p{L}\\p{N}_]{1,100}"))
            throw new InvalidInputException("hashtag", "A hashtag has letters, digits and underscores only");
        if (cmd.groupId() != null) {
            var group = groups.find(admin.networkId(), cmd.groupId())
                    .orElseThrow(() -> new InvalidInputException("group_id", "No such group"));
            if (group.privacy() != GroupPrivacy.PUBLIC)
                throw new InvalidInputException(
                        "group_id",
                        "Only a public group's posts can be sent out; this group is "
                                + group.privacy().code());
        }
        if ((cmd.groupId() != null || hashtag != null) && !events.contains(WebhookEvent.POST_CREATED))
            throw new InvalidInputException("events", "A group or hashtag applies to the event post.created");
        var secret = secret(cmd.secret());
        var hook = new Webhook(
                ids.next(),
                admin.networkId(),
                url,
                secret,
                events,
                cmd.groupId(),
                hashtag,
                admin.accountId(),
                clock.instant());
        store.insert(hook);
        return hook;
    }

    private static String url(@Nullable String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidInputException("url", "Enter the URL to send events to");
        try {
            var uri = new URI(raw.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null)
                throw new InvalidInputException("url", "Enter an http or https URL");
            if (uri.getUserInfo() != null)
                throw new InvalidInputException("url", "Put no credentials in the URL; the secret signs each request");
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "Enter an http or https URL");
        }
    }

    private static String secret(@Nullable String given) {
        if (given == null || given.isBlank()) {
            var bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        var s = given.strip();
        if (s.length() < MIN_SECRET)
            throw new InvalidInputException("secret", "Use a secret of at least " + MIN_SECRET + " characters");
        return s;
    }
}
