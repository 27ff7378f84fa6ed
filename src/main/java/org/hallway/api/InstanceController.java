package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.media.MediaLimits;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.hallway.polls.PollLimits;
import org.hallway.push.PushServerKeys;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What apps read before and right after sign-in: the instance entities (v1, v2), nodeinfo, and the
 * small fixed lists. The version claims Mastodon 4.0 compatibility, the level whose features
 * Hallway's API really offers, so clients enable what works and nothing else.
 */
@RestController
class InstanceController {
    static final String HALLWAY_VERSION = "0.1.0";
    static final String MASTODON_VERSION = "4.0.0";
    static final String VERSION = MASTODON_VERSION + " (compatible; Hallway " + HALLWAY_VERSION + ")";

    private final NetworkStore networks;
    private final InstanceStats stats;
    private final int maxCharacters;
    private final BaseUrl baseUrl;
    private final MediaLimits media;
    private final PollLimits pollLimits;
    private final PushServerKeys pushKeys;

    InstanceController(
            NetworkStore networks,
            InstanceStats stats,
            BaseUrl baseUrl,
            @Value("${hallway.posts.max-characters}") int maxCharacters,
            MediaLimits media,
            PollLimits pollLimits,
            PushServerKeys pushKeys) {
        this.pushKeys = pushKeys;
        this.media = media;
        this.pollLimits = pollLimits;
        this.networks = networks;
        this.stats = stats;
        this.maxCharacters = maxCharacters;
        this.baseUrl = baseUrl;
    }

    @GetMapping({"/api/v1/instance", "/api/v1/instance/"})
    Map<String, Object> v1(@Nullable Viewer viewer) {
        var network = network(viewer);
        var body = new LinkedHashMap<String, Object>();
        body.put("uri", baseUrl.host());
        body.put("title", network.name());
        body.put("short_description", description(network));
        body.put("description", description(network));
        body.put("email", "");
        body.put("version", VERSION);
        body.put("urls", Map.of("streaming_api", baseUrl.streaming()));
        body.put(
                "stats",
                Map.of(
                        "user_count",
                        stats.of(network.id()).users(),
                        "status_count",
                        stats.of(network.id()).posts(),
                        "domain_count",
                        0));
        body.put("thumbnail", null);
        body.put("languages", List.of("en"));
        body.put("registrations", false);
        body.put("approval_required", true);
        body.put("invites_enabled", false);
        body.put("configuration", configuration(false));
        body.put("contact_account", null);
        body.put("rules", List.of());
        return body;
    }

    @GetMapping({"/api/v2/instance", "/api/v2/instance/"})
    Map<String, Object> v2(@Nullable Viewer viewer) {
        var network = network(viewer);
        var body = new LinkedHashMap<String, Object>();
        body.put("domain", baseUrl.host());
        body.put("title", network.name());
        body.put("version", VERSION);
        body.put("source_url", "https://github.com/hallway/hallway");
        body.put("description", description(network));
        body.put(
                "usage",
                Map.of("users", Map.of("active_month", stats.of(network.id()).users())));
        body.put("thumbnail", Map.of("url", baseUrl.get() + "/avatars/header.png"));
        body.put("languages", List.of("en"));
        body.put("configuration", configuration(true));
        body.put(
                "registrations",
                Map.of("enabled", false, "approval_required", true, "message", "Ask an administrator"));
        var contact = new LinkedHashMap<String, Object>();
        contact.put("email", "");
        contact.put("account", null);
        body.put("contact", contact);
        body.put("rules", List.of());
        body.put("icon", List.of());
        // Compat(mastodon): api_versions starts at 2 with Mastodon 4.3; claiming none keeps clients from
        // gating on versioned features (grouped notifications) that Hallway does not offer yet.
        body.put("api_versions", Map.of("mastodon", 0));
        return body;
    }

    @GetMapping("/.well-known/nodeinfo")
    Map<String, Object> nodeinfoLinks() {
        return Map.of(
                "links",
                List.of(Map.of(
                        "rel",
                        "http://nodeinfo.diaspora.software/ns/schema/2.0",
                        "href",
                        baseUrl.get() + "/nodeinfo/2.0")));
    }

    @GetMapping("/nodeinfo/2.0")
    Map<String, Object> nodeinfo() {
        var network = network(null);
        var body = new LinkedHashMap<String, Object>();
        body.put("version", "2.0");
        body.put("software", Map.of("name", "hallway", "version", HALLWAY_VERSION));
        body.put("protocols", List.of());
        body.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        body.put(
                "usage",
                Map.of(
                        "users",
                        Map.of("total", stats.of(network.id()).users()),
                        "localPosts",
                        stats.of(network.id()).posts()));
        body.put("openRegistrations", false);
        // Compat(megalodon): clients detect a Mastodon-compatible server by the upstream it names.
        body.put(
                "metadata",
                Map.of(
                        "nodeName",
                        network.name(),
                        "upstream",
                        Map.of("name", "mastodon", "version", MASTODON_VERSION)));
        return body;
    }

    @GetMapping("/api/v1/custom_emojis")
    List<Object> customEmojis() {
        return List.of();
    }

    /** The asker's own network; anonymous askers see the installation's first (usually only) network. */
    private Network network(@Nullable Viewer viewer) {
        var own = viewer == null ? java.util.Optional.<Network>empty() : networks.find(viewer.networkId());
        return own.or(networks::first).orElse(new Network(0, "Hallway", java.time.Instant.EPOCH));
    }

    private static String description(Network network) {
        return network.name() + ": the company's own microblog. Colleagues only.";
    }

    private Map<String, Object> configuration(boolean v2) {
        var config = new LinkedHashMap<String, Object>();
        if (v2) {
            config.put("urls", Map.of("streaming", baseUrl.streaming()));
            config.put("translation", Map.of("enabled", false));
            config.put("vapid", Map.of("public_key", pushKeys.publicKey()));
        }
        config.put("accounts", Map.of("max_featured_tags", 0, "max_pinned_statuses", 0));
        config.put(
                "statuses",
                Map.of(
                        "max_characters",
                        maxCharacters,
                        "max_media_attachments",
                        MediaLimits.MAX_PER_POST,
                        "characters_reserved_per_url",
                        23));
        config.put(
                "media_attachments",
                Map.of(
                        "supported_mime_types",
                        media.supportedTypes(),
                        "image_size_limit",
                        media.maxBytes(),
                        "image_matrix_limit",
                        media.maxPixels(),
                        "video_size_limit",
                        media.videoMaxBytes(),
                        "video_frame_rate_limit",
                        media.timedMediaAvailable() ? MediaLimits.MAX_FRAME_RATE : 0,
                        "video_matrix_limit",
                        media.timedMediaAvailable() ? MediaLimits.MAX_VIDEO_PIXELS : 0,
                        "description_limit",
                        MediaLimits.MAX_DESCRIPTION));
        config.put(
                "polls",
                Map.of(
                        "max_options",
                        pollLimits.maxOptions(),
                        "max_characters_per_option",
                        pollLimits.maxCharactersPerOption(),
                        "min_expiration",
                        pollLimits.minExpiration().toSeconds(),
                        "max_expiration",
                        pollLimits.maxExpiration().toSeconds()));
        return config;
    }
}
