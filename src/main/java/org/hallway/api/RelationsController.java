package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Relationship;
import org.hallway.audience.Visibility;
import org.hallway.follow.BlockAccount;
import org.hallway.follow.FollowStore;
import org.hallway.follow.MuteAccount;
import org.hallway.follow.RelationStore;
import org.hallway.follow.UnblockAccount;
import org.hallway.follow.UnmuteAccount;
import org.hallway.follow.WriteAccountNote;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Muting and blocking colleagues, and the lists of those muted and blocked (Mastodon's API). */
@RestController
class RelationsController {
    private final MuteAccount mute;
    private final UnmuteAccount unmute;
    private final BlockAccount block;
    private final UnblockAccount unblock;
    private final RelationStore relations;
    private final AccountStore accounts;
    private final Relationships relationships;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final Visibility audience;
    private final WriteAccountNote note;

    RelationsController(
            MuteAccount mute,
            UnmuteAccount unmute,
            BlockAccount block,
            UnblockAccount unblock,
            RelationStore relations,
            AccountStore accounts,
            Relationships relationships,
            Presenter presenter,
            BaseUrl baseUrl,
            Visibility audience,
            WriteAccountNote note) {
        this.note = note;
        this.mute = mute;
        this.unmute = unmute;
        this.block = block;
        this.unblock = unblock;
        this.relations = relations;
        this.accounts = accounts;
        this.relationships = relationships;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
        this.audience = audience;
    }

    /** {@code notifications} (default true) hides their notifications too; {@code duration} in seconds, 0 forever. */
    @PostMapping("/api/v1/accounts/{id}/mute")
    Relationship mute(Viewer viewer, @PathVariable String id, Params params) {
        long target = visible(viewer, id);
        mute.handle(
                viewer,
                new MuteAccount.Command(target, params.bool("notifications", true), params.integer("duration", 0)));
        return relationships.of(viewer, target);
    }

    @PostMapping("/api/v1/accounts/{id}/unmute")
    Relationship unmute(Viewer viewer, @PathVariable String id) {
        long target = visible(viewer, id);
        unmute.handle(viewer, target);
        return relationships.of(viewer, target);
    }

    @PostMapping("/api/v1/accounts/{id}/block")
    Relationship block(Viewer viewer, @PathVariable String id) {
        long target = visible(viewer, id);
        block.handle(viewer, target);
        return relationships.of(viewer, target);
    }

    /** A private note on the account ({@code comment}; empty removes it), read back by its author alone. */
    @PostMapping("/api/v1/accounts/{id}/note")
    Relationship note(Viewer viewer, @PathVariable String id, Params params) {
        long target = visible(viewer, id);
        note.handle(viewer, target, params.string("comment"));
        return relationships.of(viewer, target);
    }

    @PostMapping("/api/v1/accounts/{id}/unblock")
    Relationship unblock(Viewer viewer, @PathVariable String id) {
        long target = visible(viewer, id);
        unblock.handle(viewer, target);
        return relationships.of(viewer, target);
    }

    /** Compat(mastodon 4.3): each muted account carries {@code mute_expires_at} (null: until unmuted). */
    @GetMapping("/api/v1/mutes")
    ResponseEntity<List<MutedAccount>> mutes(Viewer viewer, Params params, HttpServletRequest request) {
        var edges = relations.mutes(viewer.accountId(), Paging.from(params));
        var expiries = relations.mutesAmong(
                viewer.accountId(),
                edges.stream().map(FollowStore.Edge::accountId).toList());
        var response = respond(viewer, edges, request);
        var body = Objects.requireNonNull(response.getBody()).stream()
                .map(a -> {
                    var mute = expiries.get(Long.parseLong(a.id()));
                    return new MutedAccount(a, mute == null ? null : Presenter.time(mute.expiresAt()));
                })
                .toList();
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(body);
    }

    /** An account as the mutes list shows it: with when the mute ends. */
    record MutedAccount(
            @com.fasterxml.jackson.annotation.JsonUnwrapped Account account,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                    @org.jspecify.annotations.Nullable
                    String muteExpiresAt) {}

    @GetMapping("/api/v1/blocks")
    ResponseEntity<List<Account>> blocks(Viewer viewer, Params params, HttpServletRequest request) {
        return respond(viewer, relations.blocks(viewer.accountId(), Paging.from(params)), request);
    }

    private long visible(Viewer viewer, String id) {
        long target = Ids.parse(id);
        audience.requireAccountVisible(viewer, target);
        return target;
    }

    private ResponseEntity<List<Account>> respond(
            Viewer viewer, List<FollowStore.Edge> edges, HttpServletRequest request) {
        var people = accounts.findAll(
                viewer.networkId(),
                edges.stream().map(FollowStore.Edge::accountId).toList());
        var body = presenter.accounts(edges.stream()
                .map(e -> people.get(e.accountId()))
                .filter(Objects::nonNull)
                .toList());
        if (edges.isEmpty()) return ResponseEntity.ok(body);
        return Paging.respond(body, edges.getLast().id(), edges.getFirst().id(), request, baseUrl);
    }
}
