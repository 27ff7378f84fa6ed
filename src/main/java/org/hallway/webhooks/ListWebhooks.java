package org.hallway.webhooks;

import java.util.List;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What administrators see: the network's webhooks and the log of their deliveries. */
@Service
public class ListWebhooks {
    private final WebhookStore store;

    ListWebhooks(WebhookStore store) {
        this.store = store;
    }

    public List<Webhook> hooks(Viewer admin) {
        requireAdmin(admin);
        return store.list(admin.networkId());
    }

    /** The newest deliveries, of one webhook or of all. */
    public List<WebhookDelivery> deliveries(Viewer admin, @Nullable Long webhookId, int limit) {
        requireAdmin(admin);
        if (webhookId != null && store.find(admin.networkId(), webhookId).isEmpty()) throw NotFoundException.record();
        return store.deliveries(admin.networkId(), webhookId, Math.clamp(limit, 1, 200));
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
    }
}
