package org.hallway.identity;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: the interface language each colleague chose (none: the network's). */
public interface AccountLocales {
    Optional<String> localeOf(long accountId);

    void setLocale(long networkId, long accountId, @Nullable String locale);
}
