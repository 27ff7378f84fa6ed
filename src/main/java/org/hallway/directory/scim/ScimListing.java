package org.hallway.directory.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.server.utils.ResourceTypeDefinition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hallway.directory.ScimPage;
import org.hallway.directory.ScimQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * What reading Users and Groups share (RFC 7644 section 3.4.2): a filter on the type's attributes,
 * 1-based paging, and each resource trimmed to the {@code attributes} or {@code excludedAttributes}
 * the request names.
 */
record ScimListing(
        ResourceTypeDefinition type,
        Map<String, ScimQuery.Attribute> filterable,
        @Nullable String attributes,
        @Nullable String excludedAttributes) {

    /** A list request's query parameters, as Spring binds them. */
    record Request(
            @Nullable String filter,
            @Nullable Integer startIndex,
            @Nullable Integer count,
            @Nullable String attributes,
            @Nullable String excludedAttributes) {}

    /** One page of the matching resources of a network, from a store. */
    interface Search<T> {
        ScimPage<T> page(List<ScimQuery> conditions, int offset, int limit);
    }

    static ScimListing users(@Nullable String attributes, @Nullable String excludedAttributes) {
        return new ScimListing(ScimResourceTypes.USERS, ScimFilters.USER_ATTRIBUTES, attributes, excludedAttributes);
    }

    static ScimListing groups(@Nullable String attributes, @Nullable String excludedAttributes) {
        return new ScimListing(ScimResourceTypes.GROUPS, ScimFilters.GROUP_ATTRIBUTES, attributes, excludedAttributes);
    }

    /** The ListResponse of one page of the resources the filter selects. */
    <T> ResponseEntity<String> list(Request request, Search<T> search, Function<T, ObjectNode> toResource) {
        var conditions = ScimFilters.parse(request.filter(), filterable);
        var paging = ScimPaging.of(request.startIndex(), request.count());
        var page = search.page(conditions, paging.offset(), paging.count());
        var resources =
                page.resources().stream().map(r -> trim(toResource.apply(r))).toList();
        return ScimJson.respond(
                200, new ListResponse<>(page.totalResults(), resources, paging.startIndex(), resources.size()));
    }

    /** One resource, trimmed as asked. */
    ResponseEntity<String> one(ObjectNode resource) {
        return ScimJson.respond(200, trim(resource));
    }

    private ObjectNode trim(ObjectNode resource) {
        return ScimResourceTypes.trim(resource, type, attributes, excludedAttributes);
    }
}
