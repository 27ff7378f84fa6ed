package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import org.hallway.directory.CreateScimUser;
import org.hallway.directory.DeleteScimUser;
import org.hallway.directory.ReplaceScimUser;
import org.hallway.directory.ScimUser;
import org.hallway.directory.ScimUserStore;
import org.hallway.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SCIM Users (RFC 7644 section 3): the colleagues an identity provider manages in its network. */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsersController {
    private final ScimUserStore users;
    private final CreateScimUser create;
    private final ReplaceScimUser replace;
    private final DeleteScimUser delete;

    ScimUsersController(ScimUserStore users, CreateScimUser create, ReplaceScimUser replace, DeleteScimUser delete) {
        this.users = users;
        this.create = create;
        this.replace = replace;
        this.delete = delete;
    }

    @GetMapping
    ResponseEntity<String> list(@AuthenticationPrincipal ScimClient client, ScimListing.Request request) {
        return ScimListing.users(request.attributes(), request.excludedAttributes())
                .list(
                        request,
                        (conditions, offset, limit) -> users.search(client.networkId(), conditions, offset, limit),
                        u -> ScimUserJson.toResource(u, ScimUrls.user(u.id())));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        var user = users.find(client.networkId(), ScimUrls.id(id)).orElseThrow(NotFoundException::record);
        return ScimListing.users(attributes, excludedAttributes)
                .one(ScimUserJson.toResource(user, ScimUrls.user(user.id())));
    }

    @PostMapping
    ResponseEntity<String> create(
            @AuthenticationPrincipal ScimClient client, @RequestBody(required = false) String body) {
        var user = create.handle(client.networkId(), client.name(), ScimUserJson.toData(ScimJson.read(body)));
        URI location = ScimUrls.user(user.id());
        return ScimJson.respond(201, ScimUserJson.toResource(user, location), location);
    }

    @PutMapping("/{id}")
    ResponseEntity<String> put(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body) {
        var data = ScimUserJson.toData(ScimJson.read(body));
        return respond(replace.handle(client.networkId(), client.name(), ScimUrls.id(id), current -> data));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> patch(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body) {
        var accountId = ScimUrls.id(id);
        return respond(replace.handle(client.networkId(), client.name(), accountId, current -> {
            var resource = ScimUserJson.toNode(accountId, null, current);
            return ScimUserJson.toData(ScimPatches.apply(resource, body));
        }));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable String id) {
        delete.handle(client.networkId(), client.name(), ScimUrls.id(id));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<String> respond(ScimUser user) {
        ObjectNode resource = ScimUserJson.toResource(user, ScimUrls.user(user.id()));
        return ScimJson.respond(200, resource);
    }
}
