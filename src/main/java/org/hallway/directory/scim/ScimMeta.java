package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code meta} attribute of a resource Hallway stores. */
final class ScimMeta {
    private ScimMeta() {}

    static ObjectNode of(String resourceType, Instant created, Instant updated, URI location) {
        var meta = JsonUtils.getJsonNodeFactory().objectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", created.truncatedTo(ChronoUnit.MILLIS).toString());
        meta.put("lastModified", updated.truncatedTo(ChronoUnit.MILLIS).toString());
        meta.put("location", location.toString());
        meta.put("version", "W/\"" + updated.toEpochMilli() + "\"");
        return meta;
    }
}
