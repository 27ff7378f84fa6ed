package org.hallway.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook can be told about. */
public enum WebhookEvent {
    POST_CREATED("post.created", "A post is published"),
    ACCOUNT_CREATED("account.created", "An account is created"),
    ACCOUNT_DEACTIVATED("account.deactivated", "An account is deactivated");

    private final String code;
    private final String label;

    WebhookEvent(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEvent> of(String code) {
        if (code == null) return Optional.empty();
        var c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.code.equals(c)).findFirst();
    }
}
