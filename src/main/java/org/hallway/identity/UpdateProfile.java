package org.hallway.identity;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A colleague edits their own profile; a field left null keeps its value. */
@Service
public class UpdateProfile {
    public record Command(
            @Nullable String displayName,
            @Nullable String bio,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location) {}

    private final AccountStore accounts;
    private final ApplicationEventPublisher events;

    UpdateProfile(AccountStore accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public Account handle(Viewer viewer, Command cmd) {
        var a = accounts.find(viewer.networkId(), viewer.accountId()).orElseThrow(NotFoundException::record);
        var updated = new Account(
                a.id(),
                a.networkId(),
                a.username(),
                a.email(),
                cmd.displayName() == null
                        ? a.displayName()
                        : ProfileRules.text("display_name", cmd.displayName(), 100, true),
                cmd.bio() == null ? a.bio() : ProfileRules.text("note", cmd.bio(), 500, false),
                cmd.title() == null ? a.title() : ProfileRules.text("title", cmd.title(), 100, false),
                cmd.department() == null
                        ? a.department()
                        : ProfileRules.text("department", cmd.department(), 100, false),
                cmd.location() == null ? a.location() : ProfileRules.text("location", cmd.location(), 100, false),
                a.managerId(),
                a.role(),
                a.active(),
                a.createdAt());
        accounts.updateProfile(updated);
        events.publishEvent(new ProfileUpdated(updated.networkId(), updated.id()));
        return updated;
    }
}
