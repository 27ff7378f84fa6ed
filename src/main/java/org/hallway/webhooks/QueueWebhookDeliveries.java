package org.hallway.webhooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hallway.groups.Group;
import org.hallway.groups.GroupPrivacy;
import org.hallway.groups.GroupStore;
import org.hallway.identity.Account;
import org.hallway.identity.AccountCreated;
import org.hallway.identity.AccountDeactivated;
import org.hallway.identity.AccountStore;
import org.hallway.posts.Post;
import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into deliveries, one per matching webhook, stored so that {@link SendWebhooks} sends
 * them with retries whatever happens to this node. A post leaves only when the whole network may read
 * it: company-wide, or in a public group.
 */
@Component
class QueueWebhookDeliveries {
    private final WebhookStore store;
    private final PostStore posts;
    private final AccountStore accounts;
    private final GroupStore groups;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;
    private final String publicUrl;
    private final Environment environment;

    QueueWebhookDeliveries(
            WebhookStore store,
            PostStore posts,
            AccountStore accounts,
            GroupStore groups,
            JsonMapper json,
            Ids ids,
            Clock clock,
            @Value("${hallway.public-url:}") String publicUrl,
            Environment environment) {
        this.store = store;
        this.posts = posts;
        this.accounts = accounts;
        this.groups = groups;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        this.environment = environment;
    }

    /** With the post's one durable delivery ({@link PostCommitted}): queuing is an insert, sending comes later. */
    @EventListener
    @Order(95)
    void on(PostCommitted committed) {
        var event = committed.post();
        if (event.reblogOfId() != null) return;
        var hooks = hooksFor(event.networkId(), WebhookEvent.POST_CREATED);
        if (hooks.isEmpty()) return;
        var post = posts.find(event.networkId(), event.postId()).orElse(null);
        if (post == null) return;
        var networkWide = post.visibility() == PostVisibility.PUBLIC && post.groupId() == null;
        var group = post.groupId() == null
                ? null
                : groups.find(event.networkId(), post.groupId()).orElse(null);
        var publicGroup = group != null && group.privacy() == GroupPrivacy.PUBLIC;
        if (!networkWide && !publicGroup) return;
        var tags = event.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        var author = accounts.find(event.networkId(), post.authorId()).orElse(null);
        if (author == null) return;
        for (var hook : hooks) {
            boolean match;
            if (hook.groupId() == null && hook.hashtag() == null) match = networkWide;
            else
                match = (hook.groupId() == null || publicGroup && hook.groupId().equals(post.groupId()))
                        && (hook.hashtag() == null || tags.contains(hook.hashtag()));
            if (match) queue(hook, WebhookEvent.POST_CREATED, Map.of("post", post(post, author, group, tags)));
        }
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        account(event.networkId(), event.accountId(), WebhookEvent.ACCOUNT_CREATED);
    }

    @ApplicationModuleListener
    void on(AccountDeactivated event) {
        account(event.networkId(), event.accountId(), WebhookEvent.ACCOUNT_DEACTIVATED);
    }

    private void account(long networkId, long accountId, WebhookEvent event) {
        var hooks = hooksFor(networkId, event);
        if (hooks.isEmpty()) return;
        var account = accounts.find(networkId, accountId).orElse(null);
        if (account == null) return;
        for (var hook : hooks) queue(hook, event, Map.of("account", account(account)));
    }

    private List<Webhook> hooksFor(long networkId, WebhookEvent event) {
        return store.list(networkId).stream()
                .filter(h -> h.events().contains(event))
                .toList();
    }

    private void queue(Webhook hook, WebhookEvent event, Map<String, Object> data) {
        var id = ids.next();
        var now = clock.instant();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(id));
        body.put("event", event.code());
        body.put("created_at", now.toString());
        body.putAll(data);
        store.queue(new WebhookDelivery(
                id,
                hook.networkId(),
                hook.id(),
                event.code(),
                json.writeValueAsString(body),
                WebhookDelivery.Status.PENDING,
                0,
                now,
                null,
                null,
                now,
                null));
    }

    private Map<String, Object> post(Post post, Account author, @Nullable Group group, List<String> tags) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.toString(post.id()));
        m.put("url", base() + "/@" + author.username() + "/" + post.id());
        m.put("created_at", post.createdAt().toString());
        m.put("text", post.text());
        m.put("spoiler_text", post.spoilerText());
        m.put("tags", tags);
        m.put("in_reply_to_id", post.inReplyToId() == null ? null : Long.toString(post.inReplyToId()));
        m.put("group", group == null ? null : Map.of("id", Long.toString(group.id()), "name", group.name()));
        m.put("author", account(author));
        return m;
    }

    private Map<String, Object> account(Account a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.toString(a.id()));
        m.put("username", a.username());
        m.put("display_name", a.displayName());
        m.put("url", base() + "/@" + a.username());
        m.put("active", a.active());
        return m;
    }

    private String base() {
        if (!publicUrl.isEmpty()) return publicUrl;
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
