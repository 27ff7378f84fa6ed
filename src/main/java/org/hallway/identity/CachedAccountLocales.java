package org.hallway.identity;

import java.util.Optional;
import org.hallway.shared.KeptAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link AccountLocales} everyone gets: every web page, push and mail names the reader's language,
 * and it changes only here, on the colleague's settings page or through the API.
 */
@Primary
@Component
class CachedAccountLocales implements AccountLocales {
    private final AccountLocales store;
    private final KeptAnswers<Long, Optional<String>> chosen = new KeptAnswers<>(100_000);

    CachedAccountLocales(@Qualifier("jdbcAccountLocales") AccountLocales store) {
        this.store = store;
    }

    @Override
    public Optional<String> localeOf(long accountId) {
        return chosen.get(accountId, store::localeOf);
    }

    @Override
    public void setLocale(long networkId, long accountId, @Nullable String locale) {
        chosen.forget(accountId);
        store.setLocale(networkId, accountId, locale);
    }
}
