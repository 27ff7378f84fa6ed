package org.hallway.web.search;

import java.util.List;
import org.hallway.identity.Account;
import org.hallway.search.LinkPreviews;
import org.hallway.search.SearchQuery;
import org.hallway.web.Card;
import org.jspecify.annotations.Nullable;

/** What the search page shows: the query, its filters as chips, the active tab and its results. */
public record SearchPage(
        String q,
        String tab,
        String order,
        @Nullable String error,
        List<SearchQuery.Chip> chips,
        List<Hit> posts,
        List<PersonRow> people,
        List<TagRow> tags,
        List<ExpertRow> experts,
        @Nullable String more,
        boolean searched) {

    /** A post card with the reasons it ranks where it does. */
    public record Hit(Card card, List<String> reasons) {}

    public record PersonRow(Account account, String avatar) {
        public String workContext() {
            if (account.title().isBlank()) return account.department();
            if (account.department().isBlank()) return account.title();
            return account.title() + " · " + account.department();
        }
    }

    public record TagRow(String name, int posts) {}

    /** A trending tag as the explore page shows it: uses today and over the week. */
    public record TrendRow(String tag, int today, int week) {}

    /** A trending link as the explore page shows it: its card and its uses today and over the week. */
    public record LinkRow(
            String url,
            String title,
            String description,
            String domain,
            LinkPreviews.@Nullable Image image,
            int today,
            int week) {}

    /** A suggested colleague and why. */
    public record SuggestionRow(PersonRow person, String reason) {}

    /** A colleague who knows about the topic, with the evidence and the reasons. */
    public record ExpertRow(Account account, String avatar, List<Card> evidence, List<String> reasons) {}

    public String link(String tab) {
        return href(q, tab, order);
    }

    public String orderLink(String order) {
        return href(q, tab, order);
    }

    public String chipLink(SearchQuery.Chip chip) {
        return href(chip.queryWithout(), tab, order);
    }

    public static String href(String q, String tab, String order) {
        var sb = new StringBuilder("/search?q=")
                .append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        if (!tab.equals("posts")) sb.append("&type=").append(tab);
        if (!order.equals("social")) sb.append("&order=").append(order);
        return sb.toString();
    }

    public @Nullable String current(String tab) {
        return this.tab.equals(tab) ? "page" : null;
    }
}
