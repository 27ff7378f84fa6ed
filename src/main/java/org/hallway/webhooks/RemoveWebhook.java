package org.hallway.webhooks;

import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** An administrator stops a webhook; its deliveries (sent or waiting) go with it. */
@Service
public class RemoveWebhook {
    private final WebhookStore store;

    RemoveWebhook(WebhookStore store) {
        this.store = store;
    }

    public void handle(Viewer admin, long id) {
        if (!admin.admin()) throw new ForbiddenException("This action is not allowed");
        if (!store.delete(admin.networkId(), id)) throw NotFoundException.record();
    }
}
