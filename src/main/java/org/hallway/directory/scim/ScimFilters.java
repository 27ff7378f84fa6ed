package org.hallway.directory.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hallway.directory.ScimQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns a SCIM filter into the comparisons Hallway answers from the database: {@code eq}, {@code
 * sw}, {@code ew} or {@code co} on an attribute the resource type allows, joined by {@code and}.
 * Anything else ({@code or}, {@code not}, {@code gt}, other attributes) is an {@code invalidFilter}
 * error rather than a silently wrong answer.
 */
final class ScimFilters {
    static final Map<String, ScimQuery.Attribute> USER_ATTRIBUTES = Map.of(
            "id", ScimQuery.Attribute.ID,
            "username", ScimQuery.Attribute.USER_NAME,
            "emails", ScimQuery.Attribute.EMAIL,
            "emails.value", ScimQuery.Attribute.EMAIL,
            "externalid", ScimQuery.Attribute.EXTERNAL_ID,
            "displayname", ScimQuery.Attribute.DISPLAY_NAME);
    static final Map<String, ScimQuery.Attribute> GROUP_ATTRIBUTES = Map.of(
            "id", ScimQuery.Attribute.ID,
            "externalid", ScimQuery.Attribute.EXTERNAL_ID,
            "displayname", ScimQuery.Attribute.DISPLAY_NAME,
            "members.value", ScimQuery.Attribute.MEMBER);

    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:";

    private ScimFilters() {}

    /** The comparisons that must all hold; empty without a filter. */
    static List<ScimQuery> parse(@Nullable String text, Map<String, ScimQuery.Attribute> allowed) {
        if (text == null || text.isBlank()) return List.of();
        Filter filter;
        try {
            filter = Filter.fromString(text);
        } catch (BadRequestException e) {
            throw new ScimFailure(BadRequestException.invalidFilter("The filter could not be parsed"));
        }
        var conditions = new ArrayList<ScimQuery>();
        collect(filter, allowed, conditions);
        return List.copyOf(conditions);
    }

    private static void collect(Filter filter, Map<String, ScimQuery.Attribute> allowed, List<ScimQuery> out) {
        if (filter.getFilterType() == FilterType.AND) {
            for (var part : filter.getCombinedFilters()) collect(part, allowed, out);
            return;
        }
        String prefix = "";
        if (filter.isComplexValueFilter()) {
            // emails[value eq "x"] is emails.value eq "x"
            prefix = filter.getAttributePath().toString() + ".";
            filter = filter.getValueFilter();
            if (filter.isComplexValueFilter() || filter.isCombiningFilter()) throw unsupported();
        }
        var operator =
                switch (filter.getFilterType()) {
                    case EQUAL -> ScimQuery.Operator.EQ;
                    case STARTS_WITH -> ScimQuery.Operator.SW;
                    case ENDS_WITH -> ScimQuery.Operator.EW;
                    case CONTAINS -> ScimQuery.Operator.CO;
                    default -> throw unsupported();
                };
        var name = (prefix + filter.getAttributePath().toString()).toLowerCase(Locale.ROOT);
        if (name.startsWith(CORE)) name = name.substring(name.indexOf(':', CORE.length()) + 1);
        var attribute = allowed.get(name);
        var value = filter.getComparisonValue();
        if (attribute == null || value == null || !value.isTextual()) throw unsupported();
        out.add(new ScimQuery(attribute, operator, value.textValue()));
    }

    private static ScimFailure unsupported() {
        return new ScimFailure(BadRequestException.invalidFilter(
                "Supported filters: eq, sw, ew or co with a string on userName, emails.value, externalId,"
                        + " displayName, id (and members.value for Groups), combined with and"));
    }
}
