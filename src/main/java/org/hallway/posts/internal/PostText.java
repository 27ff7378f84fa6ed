package org.hallway.posts.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.hallway.shared.TextEntities;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns what a colleague typed into safe HTML: the Markdown subset (bold, italics, lists, code,
 * quotes, links) through commonmark-java with raw HTML escaped, hashtags, @mentions and bare URLs
 * linked as twitter-text finds them ({@link TextEntities}), and the result passed through the OWASP
 * sanitizer as a second wall. Also counts length the way Mastodon does (a URL counts as 23
 * characters).
 */
public final class PostText {
    /** A colleague a mention resolves to. */
    public record Mentioned(long accountId, String username) {}

    public record Rendered(String html, List<String> tags, List<Mentioned> mentions) {}

    public static final int URL_LENGTH = 23;
    private static final Pattern MENTION_DOMAIN = Pattern.compile("@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+");

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(
                    Set.of(ListBlock.class, FencedCodeBlock.class, IndentedCodeBlock.class, BlockQuote.class))
            .build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "del", "ul", "ol", "li", "code", "pre", "blockquote", "a", "span")
            .allowWithoutAttributes("span")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("class")
            .matching(Pattern.compile("[a-z -]+"))
            .onElements("a", "span")
            .allowAttributes("rel")
            .matching(Pattern.compile("tag"))
            .onElements("a")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private PostText() {}

    /** Mastodon's count: code points, with every URL as 23 and a remote mention as its local part. */
    public static int length(String text) {
        var withoutMentionDomains = MENTION_DOMAIN.matcher(text).replaceAll("@$1");
        int length = withoutMentionDomains.codePointCount(0, withoutMentionDomains.length());
        for (var url : TextEntities.links(withoutMentionDomains)) {
            length += URL_LENGTH - url.value().codePointCount(0, url.value().length());
        }
        return length;
    }

    public static Rendered render(String text, Function<String, Optional<Mentioned>> mentionLookup) {
        var tags = new LinkedHashSet<String>();
        var mentions = new LinkedHashMap<Long, Mentioned>();
        var renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .softbreak("<br />")
                .nodeRendererFactory(ctx -> new EntityRenderer(ctx, mentionLookup, tags, mentions))
                .build();
        var html = renderer.render(PARSER.parse(text)).strip();
        return new Rendered(POLICY.sanitize(html), List.copyOf(tags), List.copyOf(mentions.values()));
    }

    /** Renders text nodes with their entities linked, and images as plain links (no remote images). */
    private static final class EntityRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext ctx;
        private final Function<String, Optional<Mentioned>> lookup;
        private final Set<String> tags;
        private final Map<Long, Mentioned> mentions;

        EntityRenderer(
                HtmlNodeRendererContext ctx,
                Function<String, Optional<Mentioned>> lookup,
                Set<String> tags,
                Map<Long, Mentioned> mentions) {
            this.ctx = ctx;
            this.lookup = lookup;
            this.tags = tags;
            this.mentions = mentions;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class, Image.class);
        }

        @Override
        public void render(Node node) {
            var html = ctx.getWriter();
            if (node instanceof Image image) {
                html.tag("a", Map.of("href", ctx.encodeUrl(image.getDestination())));
                for (var child = image.getFirstChild(); child != null; child = child.getNext()) ctx.render(child);
                html.tag("/a");
                return;
            }
            var literal = ((Text) node).getLiteral();
            if (insideLink(node)) {
                html.text(literal);
                return;
            }
            int at = 0;
            for (var entity : TextEntities.all(literal)) {
                html.text(literal.substring(at, entity.start()));
                var raw = literal.substring(entity.start(), entity.end());
                switch (entity.type()) {
                    case HASHTAG -> {
                        var tag = entity.value().toLowerCase(Locale.ROOT);
                        tags.add(tag);
                        html.tag("a", attributes("href", "/tags/" + tag, "class", "mention hashtag", "rel", "tag"));
                        html.text("#");
                        html.tag("span");
                        html.text(entity.value());
                        html.tag("/span");
                        html.tag("/a");
                    }
                    case MENTION -> {
                        var target = lookup.apply(entity.value());
                        if (target.isPresent()) {
                            mentions.put(target.get().accountId(), target.get());
                            html.tag("span", Map.of("class", "h-card"));
                            html.tag("a", attributes("href", "/@" + target.get().username(), "class", "u-url mention"));
                            html.text("@");
                            html.tag("span");
                            html.text(target.get().username());
                            html.tag("/span");
                            html.tag("/a");
                            html.tag("/span");
                        } else {
                            html.text(raw);
                        }
                    }
                    case URL -> {
                        html.tag("a", Map.of("href", ctx.encodeUrl(entity.value())));
                        html.text(entity.value());
                        html.tag("/a");
                    }
                    default -> html.text(raw);
                }
                at = entity.end();
            }
            html.text(literal.substring(at));
        }

        /** Attributes in the order given, so that the same text always renders to the same HTML. */
        private static Map<String, String> attributes(String... pairs) {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
            return map;
        }

        private static boolean insideLink(Node node) {
            for (var p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Link) return true;
            }
            return false;
        }
    }
}
