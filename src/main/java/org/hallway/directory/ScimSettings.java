package org.hallway.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SCIM provisioning settings ({@code HALLWAY_SCIM_TOKEN}): a provisioning token from the environment,
 * serving the network created first (the one network of a single-company installation).
 */
@ConfigurationProperties("hallway.scim")
public record ScimSettings(@Nullable String token) {}
