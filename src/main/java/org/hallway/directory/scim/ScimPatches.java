package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a SCIM PATCH request to a resource's JSON with the SCIM SDK, after smoothing over how
 * identity providers actually send it:
 *
 * <ul>
 *   <li>{@code "op": "Replace"} in any letter case (Microsoft Entra ID);
 *   <li>an operation without a path whose value object names sub-attributes or extension attributes
 *       ({@code {"name.givenName": "A", "urn:...:enterprise:2.0:User:department": "B"}}) is split into
 *       one operation per attribute;
 *   <li>{@code add}/{@code replace} on {@code emails[type eq "work"].value} sets the value of the
 *       matching entry, or adds an entry of that type when there is none (RFC 7644 would answer
 *       noTarget or refuse to add a second value).
 * </ul>
 */
final class ScimPatches {
    private ScimPatches() {}

    static ObjectNode apply(ObjectNode resource, String body) {
        var request = ScimJson.read(body);
        var operations = request.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimFailure(BadRequestException.invalidSyntax("A PATCH request needs Operations"));
        }
        var normalized = new ArrayList<PatchOperation>();
        for (var op : operations) normalized.addAll(normalize(op));
        var target = resource.deepCopy();
        try {
            for (var op : normalized) {
                if (!applyToTypedEntry(target, op))
                    new PatchRequest(List.of(op)).apply(new GenericScimResource(target));
            }
        } catch (ScimException e) {
            throw new ScimFailure(e);
        }
        return target;
    }

    private static List<PatchOperation> normalize(JsonNode op) {
        if (!op.isObject() || op.get("op") == null || !op.get("op").isTextual()) {
            throw new ScimFailure(BadRequestException.invalidSyntax("Each operation needs an op"));
        }
        var type =
                switch (op.get("op").textValue().strip().toLowerCase(Locale.ROOT)) {
                    case "add" -> PatchOpType.ADD;
                    case "replace" -> PatchOpType.REPLACE;
                    case "remove" -> PatchOpType.REMOVE;
                    default -> throw new ScimFailure(
                            BadRequestException.invalidSyntax("op must be add, replace or remove"));
                };
        var pathText = op.hasNonNull("path") ? op.get("path").asText().strip() : "";
        var value = op.get("value");
        try {
            if (!pathText.isEmpty()) {
                if (type != PatchOpType.REMOVE && value == null)
                    throw BadRequestException.invalidValue("value is required");
                return List.of(PatchOperation.create(type, Path.fromString(pathText), value));
            }
            if (type == PatchOpType.REMOVE) throw BadRequestException.noTarget("remove needs a path");
            if (value == null || !value.isObject()) {
                throw BadRequestException.invalidValue("Without a path, value must be an object");
            }
            var plain = JsonUtils.getJsonNodeFactory().objectNode();
            var split = new ArrayList<PatchOperation>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                var field = it.next();
                var key = field.getKey();
                boolean isPath = key.contains(".")
                        || (key.toLowerCase(Locale.ROOT).startsWith("urn:")
                                && !key.equalsIgnoreCase(ScimUserJson.ENTERPRISE));
                if (isPath) split.add(PatchOperation.create(type, Path.fromString(key), field.getValue()));
                else plain.set(key, field.getValue());
            }
            var result = new ArrayList<PatchOperation>();
            if (!plain.isEmpty()) result.add(PatchOperation.create(type, Path.root(), plain));
            result.addAll(split);
            return result;
        } catch (ScimException e) {
            throw new ScimFailure(e);
        }
    }

    /**
     * {@code emails[type eq "work"].value}: sets the sub-attribute on the entries the filter matches,
     * or adds an entry carrying the filter's attribute. False when the operation is of another kind.
     */
    private static boolean applyToTypedEntry(ObjectNode target, PatchOperation op) throws ScimException {
        var path = op.getPath();
        if (op.getOpType() == PatchOpType.REMOVE || path == null || path.size() != 2) return false;
        var element = path.getElement(0);
        var sub = path.getElement(1);
        if (element.getValueFilter() == null || sub.getValueFilter() != null) return false;
        var filter = element.getValueFilter();
        var attribute = path.getSchemaUrn() == null ? target : (ObjectNode) target.get(path.getSchemaUrn());
        if (attribute == null) return false;
        var existing = attribute.get(element.getAttribute());
        ArrayNode values = existing instanceof ArrayNode array ? array : attribute.putArray(element.getAttribute());
        boolean matched = false;
        for (var entry : values) {
            if (entry instanceof ObjectNode object && FilterEvaluator.evaluate(filter, object)) {
                object.set(sub.getAttribute(), op.getJsonNode());
                matched = true;
            }
        }
        if (matched) return true;
        if (filter.getFilterType() != FilterType.EQUAL) throw BadRequestException.noTarget("No value matches " + path);
        var entry = values.addObject();
        entry.set(filter.getAttributePath().toString(), filter.getComparisonValue());
        entry.set(sub.getAttribute(), op.getJsonNode());
        return true;
    }
}
