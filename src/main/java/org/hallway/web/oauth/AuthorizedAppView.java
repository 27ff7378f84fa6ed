package org.hallway.web.oauth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One authorized app as the authorized-apps page shows it: dates formatted, scopes in plain words. */
public record AuthorizedAppView(
        long appId, String name, @Nullable String website, List<String> scopes, String authorized, String lastUsed) {}
