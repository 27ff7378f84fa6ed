package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.List;
import org.hallway.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service provider supports (RFC 7644 section 4): PATCH yes; filters yes (eq, sw, ew, co
 * on a few attributes, at most {@value ScimPaging#MAX} results per page); bulk, sort, ETags and
 * password change no; authentication by OAuth bearer token.
 */
@RestController
class ScimDiscoveryController {

    @GetMapping("/scim/v2/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        var config = new ServiceProviderConfigResource(
                null,
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, ScimPaging.MAX),
                new ChangePasswordConfig(false),
                new SortConfig(false),
                new ETagConfig(false),
                List.of(AuthenticationScheme.createOAuth2BearerToken(true)));
        ObjectNode node = JsonUtils.valueToNode(config);
        node.putObject("meta")
                .put("resourceType", "ServiceProviderConfig")
                .put("location", ScimUrls.base() + "/ServiceProviderConfig");
        return ScimJson.respond(200, node);
    }

    @GetMapping("/scim/v2/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        var all = ScimResourceTypes.ALL.stream()
                .map(t -> resourceTypeNode(t.getName()))
                .toList();
        return ScimJson.respond(200, new ListResponse<>(all.size(), all, 1, all.size()));
    }

    @GetMapping("/scim/v2/ResourceTypes/{name}")
    ResponseEntity<String> resourceType(@PathVariable String name) {
        return ScimJson.respond(200, resourceTypeNode(name));
    }

    @GetMapping("/scim/v2/Schemas")
    ResponseEntity<String> schemas() {
        var all = ScimResourceTypes.SCHEMAS.stream()
                .map(s -> schemaNode(s.getId()))
                .toList();
        return ScimJson.respond(200, new ListResponse<>(all.size(), all, 1, all.size()));
    }

    @GetMapping("/scim/v2/Schemas/{id}")
    ResponseEntity<String> schema(@PathVariable String id) {
        return ScimJson.respond(200, schemaNode(id));
    }

    /** Any other path under /scim/v2: a SCIM 404, not the web UI's error page. */
    @RequestMapping("/scim/v2/**")
    ResponseEntity<String> unknown() {
        throw NotFoundException.record();
    }

    private static ObjectNode resourceTypeNode(String name) {
        var type = ScimResourceTypes.ALL.stream()
                .filter(t -> t.getName().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(NotFoundException::record);
        ObjectNode node = JsonUtils.valueToNode(type.toScimResource());
        node.putObject("meta")
                .put("resourceType", "ResourceType")
                .put("location", ScimUrls.base() + "/ResourceTypes/" + type.getName());
        return node;
    }

    private static ObjectNode schemaNode(String id) {
        var schema = ScimResourceTypes.SCHEMAS.stream()
                .filter(s -> s.getId().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(NotFoundException::record);
        ObjectNode node = JsonUtils.valueToNode(schema);
        node.putObject("meta")
                .put("resourceType", "Schema")
                .put("location", ScimUrls.base() + "/Schemas/" + schema.getId());
        return node;
    }
}
