package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import java.util.Locale;
import org.hallway.directory.ScimUser;
import org.jspecify.annotations.Nullable;

/**
 * A provisioned colleague as a SCIM User (core schema and the enterprise extension) and back. Reading
 * is lenient where identity providers differ: {@code active} as a boolean or as the string "True" /
 * "False" (Microsoft Entra ID), the manager as {@code {"value": id}} or as the bare id, the e-mail
 * address from the primary entry of {@code emails} or else from a userName that is one.
 */
final class ScimUserJson {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private ScimUserJson() {}

    /** The resource without {@code meta}: what PATCH operations apply to. */
    static ObjectNode toNode(long id, @Nullable String handle, ScimUser.Data d) {
        var node = JsonUtils.getJsonNodeFactory().objectNode();
        node.putArray("schemas").add(CORE).add(ENTERPRISE);
        node.put("id", Long.toString(id));
        if (d.externalId() != null) node.put("externalId", d.externalId());
        node.put("userName", d.userName());
        var name = node.putObject("name");
        name.put("formatted", d.displayName());
        if (!d.givenName().isEmpty()) name.put("givenName", d.givenName());
        if (!d.familyName().isEmpty()) name.put("familyName", d.familyName());
        node.put("displayName", d.displayName());
        if (handle != null) node.put("nickName", handle);
        if (!d.title().isEmpty()) node.put("title", d.title());
        node.put("active", d.active());
        node.putArray("emails")
                .addObject()
                .put("value", d.email())
                .put("type", "work")
                .put("primary", true);
        if (!d.phone().isEmpty()) {
            node.putArray("phoneNumbers")
                    .addObject()
                    .put("value", d.phone())
                    .put("type", "work")
                    .put("primary", true);
        }
        var enterprise = node.putObject(ENTERPRISE);
        if (!d.department().isEmpty()) enterprise.put("department", d.department());
        if (!d.employeeNumber().isEmpty()) enterprise.put("employeeNumber", d.employeeNumber());
        if (d.managerId() != null) enterprise.putObject("manager").put("value", Long.toString(d.managerId()));
        return node;
    }

    static ObjectNode toResource(ScimUser user, URI location) {
        var node = toNode(user.id(), user.handle(), user.data());
        node.set("meta", ScimMeta.of("User", user.created(), user.updated(), location));
        return node;
    }

    static ScimUser.Data toData(ObjectNode node) {
        var userName = text(node, "userName");
        if (userName == null) throw invalid("userName is required");
        if (userName.length() > 254) throw invalid("userName is too long");
        var name = node.get("name");
        var given = orEmpty(name == null ? null : text(name, "givenName"));
        var family = orEmpty(name == null ? null : text(name, "familyName"));
        var displayName = text(node, "displayName");
        if (displayName == null && name != null) displayName = text(name, "formatted");
        if (displayName == null && !(given + family).isBlank()) displayName = (given + " " + family).strip();
        if (displayName == null)
            displayName = userName.contains("@") ? userName.substring(0, userName.indexOf('@')) : userName;
        var email = preferred(node.get("emails"));
        if (email == null && userName.contains("@")) email = userName;
        if (email == null) throw invalid("An e-mail address is required: emails or a userName that is one");
        var enterprise = node.get(ENTERPRISE);
        return new ScimUser.Data(
                userName,
                text(node, "externalId"),
                given,
                family,
                displayName,
                email,
                orEmpty(text(node, "title")),
                orEmpty(preferred(node.get("phoneNumbers"))),
                orEmpty(enterprise == null ? null : text(enterprise, "department")),
                orEmpty(enterprise == null ? null : text(enterprise, "employeeNumber")),
                enterprise == null ? null : manager(enterprise.get("manager")),
                bool(node.get("active")),
                text(node, "password"));
    }

    /** The value of the primary entry of a multi-valued attribute, else the work one, else the first. */
    private static @Nullable String preferred(@Nullable JsonNode values) {
        if (values == null || values.isNull()) return null;
        if (values.isTextual()) return blankToNull(values.textValue());
        if (!values.isArray() || values.isEmpty()) return null;
        JsonNode chosen = null;
        for (var v : values) {
            if (v.has("primary") && bool(v.get("primary"))) {
                chosen = v;
                break;
            }
        }
        if (chosen == null) {
            for (var v : values) {
                if ("work".equalsIgnoreCase(text(v, "type"))) {
                    chosen = v;
                    break;
                }
            }
        }
        if (chosen == null) chosen = values.get(0);
        return text(chosen, "value");
    }

    private static @Nullable Long manager(@Nullable JsonNode manager) {
        if (manager == null || manager.isNull()) return null;
        var value = manager.isObject() ? text(manager, "value") : blankToNull(manager.asText());
        if (value == null) return null;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null; // not one of our ids: a manager Hallway does not know (yet)
        }
    }

    private static boolean bool(@Nullable JsonNode value) {
        if (value == null || value.isNull()) return true;
        if (value.isBoolean()) return value.booleanValue();
        if (value.isTextual()) {
            var v = value.textValue().strip().toLowerCase(Locale.ROOT);
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
        }
        throw invalid("active must be true or false");
    }

    private static @Nullable String text(JsonNode node, String field) {
        var v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw invalid(field + " must be a single value");
        return blankToNull(v.asText());
    }

    private static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static ScimFailure invalid(String detail) {
        return new ScimFailure(BadRequestException.invalidValue(detail));
    }
}
