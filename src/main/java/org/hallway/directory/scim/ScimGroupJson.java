package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.function.LongFunction;
import org.hallway.directory.ScimGroup;

/** A SCIM group as a SCIM Group resource and back; members are Users, referred to by id. */
final class ScimGroupJson {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimGroupJson() {}

    static ObjectNode toNode(ScimGroup group, LongFunction<URI> userLocation) {
        var node = JsonUtils.getJsonNodeFactory().objectNode();
        node.putArray("schemas").add(CORE);
        node.put("id", Long.toString(group.id()));
        if (group.externalId() != null) node.put("externalId", group.externalId());
        node.put("displayName", group.displayName());
        var members = node.putArray("members");
        for (var id : group.members()) {
            members.addObject()
                    .put("value", Long.toString(id))
                    .put("$ref", userLocation.apply(id).toString())
                    .put("type", "User");
        }
        return node;
    }

    static ObjectNode toResource(ScimGroup group, URI location, LongFunction<URI> userLocation) {
        var node = toNode(group, userLocation);
        node.set("meta", ScimMeta.of("Group", group.created(), group.updated(), location));
        return node;
    }

    static ScimGroup.Data toData(ObjectNode node) {
        var name = node.get("displayName");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new ScimFailure(BadRequestException.invalidValue("displayName is required"));
        }
        var externalId = node.get("externalId");
        var members = new LinkedHashSet<Long>();
        var given = node.get("members");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) throw new ScimFailure(BadRequestException.invalidValue("members must be a list"));
            for (var member : given) {
                var value = member.get("value");
                try {
                    members.add(
                            Long.parseLong(value == null ? "" : value.asText().strip()));
                } catch (NumberFormatException e) {
                    throw new ScimFailure(BadRequestException.invalidValue(
                            "Member " + (value == null ? "" : value.asText()) + " is not a user of this service"));
                }
            }
        }
        return new ScimGroup.Data(
                externalId == null || externalId.isNull() || externalId.asText().isBlank()
                        ? null
                        : externalId.asText().strip(),
                name.textValue().strip(),
                new ArrayList<>(members));
    }
}
