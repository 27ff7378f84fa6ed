package org.hallway.directory.scim;

import java.net.URI;
import org.hallway.directory.CreateScimGroup;
import org.hallway.directory.DeleteScimGroup;
import org.hallway.directory.ReplaceScimGroup;
import org.hallway.directory.ScimGroup;
import org.hallway.directory.ScimGroupStore;
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

/** SCIM Groups: groups of provisioned colleagues, kept as directory groups of the network. */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroupsController {
    private final ScimGroupStore groups;
    private final CreateScimGroup create;
    private final ReplaceScimGroup replace;
    private final DeleteScimGroup delete;

    ScimGroupsController(
            ScimGroupStore groups, CreateScimGroup create, ReplaceScimGroup replace, DeleteScimGroup delete) {
        this.groups = groups;
        this.create = create;
        this.replace = replace;
        this.delete = delete;
    }

    @GetMapping
    ResponseEntity<String> list(@AuthenticationPrincipal ScimClient client, ScimListing.Request request) {
        return ScimListing.groups(request.attributes(), request.excludedAttributes())
                .list(
                        request,
                        (conditions, offset, limit) -> groups.search(client.networkId(), conditions, offset, limit),
                        g -> ScimGroupJson.toResource(g, ScimUrls.group(g.id()), ScimUrls::user));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        var group = groups.find(client.networkId(), ScimUrls.id(id)).orElseThrow(NotFoundException::record);
        return ScimListing.groups(attributes, excludedAttributes)
                .one(ScimGroupJson.toResource(group, ScimUrls.group(group.id()), ScimUrls::user));
    }

    @PostMapping
    ResponseEntity<String> create(
            @AuthenticationPrincipal ScimClient client, @RequestBody(required = false) String body) {
        var group = create.handle(client.networkId(), client.name(), ScimGroupJson.toData(ScimJson.read(body)));
        URI location = ScimUrls.group(group.id());
        return ScimJson.respond(201, ScimGroupJson.toResource(group, location, ScimUrls::user), location);
    }

    @PutMapping("/{id}")
    ResponseEntity<String> put(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body) {
        var data = ScimGroupJson.toData(ScimJson.read(body));
        return respond(replace.handle(client.networkId(), client.name(), ScimUrls.id(id), current -> data));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> patch(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body) {
        var groupId = ScimUrls.id(id);
        return respond(replace.handle(client.networkId(), client.name(), groupId, current -> {
            var resource = ScimGroupJson.toNode(
                    new ScimGroup(
                            groupId,
                            client.networkId(),
                            current.externalId(),
                            current.displayName(),
                            current.members(),
                            java.time.Instant.EPOCH,
                            java.time.Instant.EPOCH),
                    ScimUrls::user);
            return ScimGroupJson.toData(ScimPatches.apply(resource, body));
        }));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable String id) {
        delete.handle(client.networkId(), client.name(), ScimUrls.id(id));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<String> respond(ScimGroup group) {
        return ScimJson.respond(200, ScimGroupJson.toResource(group, ScimUrls.group(group.id()), ScimUrls::user));
    }
}
