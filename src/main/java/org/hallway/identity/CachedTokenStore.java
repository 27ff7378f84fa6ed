package org.hallway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.annotation.PreDestroy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hallway.shared.Caches;
import org.hallway.shared.SpreadLifetime;
import org.hallway.shared.WrittenBehind;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the live grants of tokens in use in memory, so an API request costs no query to authenticate.
 * Every change of the store goes through here (it is the {@link TokenStore} everyone gets), and every
 * change forgets what it touches, at once and again after its transaction commits (a request that read
 * the row in between must not keep it). Revocation and deactivation therefore still take effect on the
 * very next request. Entries also expire after a while, which bounds how long a change made outside
 * this process could go unseen; with several nodes, forgetting travels over the event bus. Each grant
 * lives from two thirds of {@link #LIFETIME} to all of it (ADR 0075): the tokens of everyone who came in
 * the same minute would otherwise all be looked up again in the same instant.
 */
@Primary
@Component
class CachedTokenStore implements TokenStore {
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final TokenStore store;
    private final WrittenBehind<Long, Instant> unwritten = new WrittenBehind<>("tokens' uses");
    private final Cache<ByteBuffer, Optional<Grant>> grants = Caches.newBuilder()
            .maximumSize(200_000)
            .expireAfter(SpreadLifetime.<ByteBuffer, Optional<Grant>>afterWrite(LIFETIME, ByteBuffer::hashCode))
            .build();

    CachedTokenStore(@Qualifier("jdbcTokenStore") TokenStore store) {
        this.store = store;
    }

    @Override
    public void insert(
            long id,
            long networkId,
            Long accountId,
            long appId,
            byte[] hash,
            byte @Nullable [] refreshHash,
            Scopes scopes,
            Instant at) {
        store.insert(id, networkId, accountId, appId, hash, refreshHash, scopes, at);
        forget(ByteBuffer.wrap(hash.clone()));
    }

    @Override
    public Optional<Grant> consumeRefresh(long appId, byte[] refreshHash, Instant at) {
        var consumed = store.consumeRefresh(appId, refreshHash, at);
        consumed.ifPresent(revoked -> forgetWhere(g -> g.tokenId() == revoked.tokenId()));
        return consumed;
    }

    /**
     * Keeps the use for the next {@link #flushUses()}, within a second: a colleague's first request of
     * the hour does not wait for that write, and the uses of everyone in that second cost one statement.
     */
    @Override
    public void touch(long tokenId, Instant at) {
        unwritten.keep(tokenId, at);
    }

    @Override
    public void touchAll(Map<Long, Instant> uses) {
        uses.forEach(this::touch);
    }

    /** Writes the uses kept since the last flush; a failed write keeps them for the next one. */
    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT1S")
    void flushUses() {
        unwritten.flush(store::touchAll);
    }

    @PreDestroy
    void stop() {
        flushUses();
    }

    /** Shows the uses this node kept in the last second too: they are written first. */
    @Override
    public List<AuthorizedApp> authorizedApps(long accountId) {
        flushUses();
        return store.authorizedApps(accountId);
    }

    @Override
    public int revokeApp(long accountId, long appId, Instant at) {
        int revoked = store.revokeApp(accountId, appId, at);
        forgetWhere(g -> g.appId() == appId && Long.valueOf(accountId).equals(g.accountId()));
        return revoked;
    }

    @Override
    public Optional<Grant> findActive(byte[] hash) {
        return grants.get(ByteBuffer.wrap(hash.clone()), key -> store.findActive(hash));
    }

    @Override
    public Optional<Grant> revoke(long appId, byte[] hash, Instant at) {
        var revoked = store.revoke(appId, hash, at);
        forget(ByteBuffer.wrap(hash.clone()));
        return revoked;
    }

    @Override
    public int revokeAll(long accountId, Instant at) {
        int revoked = store.revokeAll(accountId, at);
        forgetAccount(accountId);
        return revoked;
    }

    /** Forgets the grants of a colleague, e.g. when their account changes in a way tokens carry. */
    void forgetAccount(long accountId) {
        forgetWhere(g -> Long.valueOf(accountId).equals(g.accountId()));
    }

    private void forgetWhere(Predicate<Grant> which) {
        afterCommitToo(() -> grants.asMap().values().removeIf(g -> g.isPresent() && which.test(g.get())));
    }

    private void forget(ByteBuffer key) {
        afterCommitToo(() -> grants.invalidate(key));
    }

    private static void afterCommitToo(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
