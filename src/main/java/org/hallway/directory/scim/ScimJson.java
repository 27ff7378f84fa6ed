package org.hallway.directory.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM bodies are read and written with the SCIM SDK's own Jackson 2 mapper (case-insensitive
 * attribute names, SCIM date formats), apart from the application's Jackson 3 mapper, and answered
 * as {@code application/scim+json}.
 */
final class ScimJson {
    static final String MEDIA_TYPE = "application/scim+json";
    static final MediaType SCIM = MediaType.parseMediaType(MEDIA_TYPE + ";charset=UTF-8");

    private ScimJson() {}

    static ObjectNode read(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank()
                    ? null
                    : JsonUtils.getObjectReader().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScimFailure(BadRequestException.invalidSyntax("The request body is not valid JSON"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ScimFailure(BadRequestException.invalidSyntax("The request body must be a JSON object"));
        }
        return object;
    }

    static <T> T read(ObjectNode node, Class<T> type) {
        try {
            return JsonUtils.getObjectReader().forType(type).readValue(node);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new ScimFailure(BadRequestException.invalidSyntax(
                    "The request body is not a valid " + type.getSimpleName().replace("Request", " request")));
        }
    }

    static ResponseEntity<String> respond(int status, Object body) {
        return respond(status, body, null);
    }

    static ResponseEntity<String> respond(int status, Object body, URI location) {
        var builder = ResponseEntity.status(status).contentType(SCIM);
        if (location != null) builder.header(HttpHeaders.LOCATION, location.toString());
        return builder.body(write(body));
    }

    static String error(int status, String scimType, String detail) {
        var error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        return write(error);
    }

    static String write(Object body) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SCIM response could not be written", e);
        }
    }
}
