package org.hallway.identity.jdbc;

import java.util.Optional;
import org.hallway.identity.AccountLocales;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccountLocales implements AccountLocales {
    private final JdbcClient jdbc;

    JdbcAccountLocales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> localeOf(long accountId) {
        return jdbc.sql("select locale from accounts where id = ? and locale is not null")
                .param(accountId)
                .query(String.class)
                .optional();
    }

    @Override
    public void setLocale(long networkId, long accountId, @Nullable String locale) {
        jdbc.sql("update accounts set locale = ? where network_id = ? and id = ?")
                .params(locale, networkId, accountId)
                .update();
    }
}
