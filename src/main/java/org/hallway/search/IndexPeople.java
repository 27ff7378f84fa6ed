package org.hallway.search;

import org.hallway.identity.AccountCreated;
import org.hallway.identity.AccountDeactivated;
import org.hallway.identity.ProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps colleagues in the index: added, changed (their posts carry their department too), gone. */
@Component
class IndexPeople {
    private final SearchIndex index;
    private final SearchSource source;

    IndexPeople(SearchIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        reindex(event.accountId());
    }

    @ApplicationModuleListener
    void on(ProfileUpdated event) {
        reindex(event.accountId());
        for (var postId : source.postsBy(event.accountId())) source.post(postId).ifPresent(index::upsertPost);
    }

    @ApplicationModuleListener
    void on(AccountDeactivated event) {
        index.deletePerson(event.accountId());
    }

    private void reindex(long accountId) {
        source.person(accountId).ifPresentOrElse(index::upsertPerson, () -> index.deletePerson(accountId));
    }
}
