package org.hallway.directory;

import org.jspecify.annotations.Nullable;

/**
 * An identity provider changed a user or a group over SCIM. {@code action} is one of {@code
 * user_created}, {@code user_updated}, {@code user_deactivated}, {@code user_reactivated}, {@code
 * user_deleted}, {@code group_created}, {@code group_changed}, {@code group_deleted}; {@code client}
 * is the name of the provisioning token; {@code accountId} the user concerned, if one is.
 */
public record ScimChanged(long networkId, String client, String action, @Nullable Long accountId, String detail) {}
