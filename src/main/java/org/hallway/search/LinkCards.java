package org.hallway.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.hallway.search.internal.Links;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The link card of each post in a page (Mastodon's {@code card} of a status): its first link whose
 * preview was fetched (ADR 0039), in two queries for the whole page, none when no post has a link.
 * A link without a fetched preview gives no card, as in Mastodon.
 */
@Service
public class LinkCards {
    public record Card(
            String url, String domain, String title, String description, LinkPreviews.@Nullable Image image) {}

    private final PostLinks links;
    private final LinkPreviews previews;

    LinkCards(PostLinks links, LinkPreviews previews) {
        this.links = links;
        this.previews = previews;
    }

    /** {@code texts}: each post's text (Markdown source) by id; the cards of those that have one. */
    public Map<Long, Card> of(long networkId, Map<Long, String> texts) {
        var candidates = new HashSet<Long>();
        texts.forEach((id, text) -> {
            if (text != null && text.contains("http")) candidates.add(id);
        });
        if (candidates.isEmpty()) return Map.of();
        var byPost = links.linksOf(candidates);
        if (byPost.isEmpty()) return Map.of();
        var urls = new HashSet<String>();
        byPost.values().forEach(urls::addAll);
        var fetched = previews.fetched(networkId, urls);
        if (fetched.isEmpty()) return Map.of();
        var result = new HashMap<Long, Card>();
        byPost.forEach((postId, list) -> {
            var text = texts.get(postId);
            list.stream()
                    .filter(fetched::containsKey)
                    .min(Comparator.comparingInt((String u) -> position(text, u))
                            .thenComparing(u -> u))
                    .ifPresent(u -> {
                        var p = fetched.get(u);
                        result.put(postId, new Card(u, Links.domain(u), p.title(), p.description(), p.image()));
                    });
        });
        return result;
    }

    /** Where a (normalized) link stands in the text: its first place, else by its host; unknown last. */
    private static int position(String text, String url) {
        int at = text.indexOf(url);
        if (at >= 0) return at;
        var domain = Links.domain(url);
        at = text.indexOf(domain);
        return at >= 0 ? at : Integer.MAX_VALUE;
    }
}
