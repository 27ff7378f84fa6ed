package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.hallway.webhooks.CreateWebhook;
import org.hallway.webhooks.ListWebhooks;
import org.hallway.webhooks.RemoveWebhook;
import org.hallway.webhooks.Webhook;
import org.hallway.webhooks.WebhookDelivery;
import org.hallway.webhooks.WebhookEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hallway extension: administrators manage outgoing webhooks and read their delivery log. The secret
 * is shown once, in the answer to its creation.
 */
@RestController
class AdminWebhooksController {
    private final CreateWebhook create;
    private final RemoveWebhook remove;
    private final ListWebhooks list;

    AdminWebhooksController(CreateWebhook create, RemoveWebhook remove, ListWebhooks list) {
        this.create = create;
        this.remove = remove;
        this.list = list;
    }

    @GetMapping("/api/v1/admin/webhooks")
    List<Map<String, Object>> hooks(Viewer viewer) {
        return list.hooks(viewer).stream().map(h -> hook(h, false)).toList();
    }

    @PostMapping("/api/v1/admin/webhooks")
    Map<String, Object> create(Viewer viewer, Params params) {
        var hook = create.handle(
                viewer,
                new CreateWebhook.Command(
                        params.string("url"),
                        params.list("events"),
                        params.string("secret"),
                        params.id("group_id"),
                        params.string("hashtag")));
        return hook(hook, true);
    }

    @DeleteMapping("/api/v1/admin/webhooks/{id}")
    Map<String, Object> delete(Viewer viewer, @PathVariable String id) {
        remove.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v1/admin/webhooks/{id}/deliveries")
    List<Map<String, Object>> deliveries(Viewer viewer, @PathVariable String id, Params params) {
        return list.deliveries(viewer, Ids.parse(id), params.integer("limit", 40)).stream()
                .map(AdminWebhooksController::delivery)
                .toList();
    }

    private static Map<String, Object> hook(Webhook h, boolean withSecret) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.toString(h.id()));
        m.put("url", h.url());
        m.put("events", h.events().stream().map(WebhookEvent::code).toList());
        m.put("group_id", h.groupId() == null ? null : Long.toString(h.groupId()));
        m.put("hashtag", h.hashtag());
        m.put("secret", withSecret ? h.secret() : h.secretHint());
        m.put("created_at", h.createdAt().toString());
        return m;
    }

    private static Map<String, Object> delivery(WebhookDelivery d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.toString(d.id()));
        m.put("event", d.event());
        m.put("status", d.status().code());
        m.put("attempts", d.attempts());
        m.put("last_status", d.lastStatus());
        m.put("last_error", d.lastError());
        m.put(
                "next_attempt_at",
                d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt().toString() : null);
        m.put("created_at", d.createdAt().toString());
        m.put("delivered_at", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return m;
    }
}
