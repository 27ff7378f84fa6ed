package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import com.unboundid.scim2.server.utils.ScimResourceTrimmer;
import java.beans.IntrospectionException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The resource types Hallway serves (Users with the enterprise extension, Groups) and their schemas,
 * from the SCIM SDK's definitions of the RFC 7643 schemas; also trims resources to the {@code
 * attributes} / {@code excludedAttributes} a client asked for.
 */
final class ScimResourceTypes {
    static final SchemaResource USER_SCHEMA = schema(UserResource.class);
    static final SchemaResource ENTERPRISE_SCHEMA = schema(EnterpriseUserExtension.class);
    static final SchemaResource GROUP_SCHEMA = schema(GroupResource.class);
    static final List<SchemaResource> SCHEMAS = List.of(USER_SCHEMA, ENTERPRISE_SCHEMA, GROUP_SCHEMA);

    static final ResourceTypeDefinition USERS = new ResourceTypeDefinition.Builder("User", "/Users")
            .setDescription("Colleagues")
            .setCoreSchema(USER_SCHEMA)
            .addOptionalSchemaExtension(ENTERPRISE_SCHEMA)
            .build();
    static final ResourceTypeDefinition GROUPS = new ResourceTypeDefinition.Builder("Group", "/Groups")
            .setDescription("Groups of colleagues")
            .setCoreSchema(GROUP_SCHEMA)
            .build();
    static final List<ResourceTypeDefinition> ALL = List.of(USERS, GROUPS);

    private ScimResourceTypes() {}

    static ObjectNode trim(
            ObjectNode resource,
            ResourceTypeDefinition type,
            @Nullable String attributes,
            @Nullable String excludedAttributes) {
        // The trimmer's third argument holds the attributes or excludedAttributes query parameter,
        // the flag says which; its second holds attributes a request body changed (none here).
        var requested = paths(type, attributes);
        if (!requested.isEmpty()) {
            return new ScimResourceTrimmer(type, Set.of(), requested, false).trimObjectNode(resource);
        }
        var excluded = paths(type, excludedAttributes);
        if (!excluded.isEmpty()) {
            return new ScimResourceTrimmer(type, Set.of(), excluded, true).trimObjectNode(resource);
        }
        return resource;
    }

    private static Set<Path> paths(ResourceTypeDefinition type, @Nullable String list) {
        var paths = new LinkedHashSet<Path>();
        if (list == null || list.isBlank()) return paths;
        for (var name : list.split(",")) {
            if (name.isBlank()) continue;
            try {
                paths.add(type.normalizePath(Path.fromString(name.strip())).withoutFilters());
            } catch (BadRequestException e) {
                throw new ScimFailure(BadRequestException.invalidPath("Unknown attribute " + name.strip()));
            }
        }
        return paths;
    }

    private static SchemaResource schema(Class<?> type) {
        try {
            return SchemaUtils.getSchema(type);
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }
}
