package org.hallway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a response against an entity of Mastodon's OpenAPI description (shared/mastodon-openapi):
 * every required property present, and every present property of the declared JSON type ({@code
 * null} only where the schema allows it), recursively through {@code $ref}, arrays and {@code
 * oneOf}/{@code anyOf}. Formats and enums are not checked: clients parse types, not formats.
 */
public final class MastodonSchema {
    private static final Path LOCATION = locate();
    private static JsonNode document;

    private MastodonSchema() {}

    /** The problems found, as readable paths; empty when the value fits the entity. */
    public static List<String> problems(String entity, JsonNode value) {
        var problems = new ArrayList<String>();
        check(schemas().get(entity), value, entity, problems, 0);
        return problems;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems, int depth) {
        if (schema == null || depth > 12) return;
        if (schema.has("$ref")) {
            var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            check(schemas().get(name), value, path, problems, depth + 1);
            return;
        }
        for (var combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                for (var option : schema.get(combinator)) {
                    var attempt = new ArrayList<String>();
                    check(option, value, path, attempt, depth + 1);
                    if (attempt.isEmpty()) return;
                }
                problems.add(path + ": matches none of its " + combinator + " options: " + value);
                return;
            }
        }
        if (!typeMatches(schema.get("type"), value)) {
            problems.add(path + ": expected " + schema.get("type") + " but was " + (value == null ? "missing" : value));
            return;
        }
        if (value == null || value.isNull()) return;
        if (value.isObject()) {
            for (var required : iterable(schema.get("required"))) {
                if (!value.has(required.asString()))
                    problems.add(path + "." + required.asString() + ": required but missing");
            }
            var properties = schema.get("properties");
            if (properties != null) {
                for (var entry : properties.properties()) {
                    if (value.has(entry.getKey())) {
                        check(
                                entry.getValue(),
                                value.get(entry.getKey()),
                                path + "." + entry.getKey(),
                                problems,
                                depth + 1);
                    }
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (var item : value) check(schema.get("items"), item, path + "[" + i++ + "]", problems, depth + 1);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type == null) return true;
        if (type.isArray()) {
            for (var t : type) if (typeMatches(t, value)) return true;
            return false;
        }
        if (value == null) return false;
        return switch (type.asString()) {
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node::iterator;
    }

    private static synchronized JsonNode schemas() {
        if (document == null) {
            try {
                document = JsonMapper.builder().build().readTree(Files.readString(LOCATION));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document.get("components").get("schemas");
    }

    /** shared/ sits beside the repository (in CI too); a copy may also be named by a system property. */
    private static Path locate() {
        var configured = System.getProperty("hallway.mastodon-openapi");
        if (configured != null) return Path.of(configured);
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("shared/mastodon-openapi/schema.json");
            if (Files.exists(candidate)) return candidate;
        }
        throw new IllegalStateException("shared/mastodon-openapi/schema.json not found beside the repository");
    }
}
