package org.hallway.directory;

/** An identity provider signed in with a provisioning token: the network it provisions and the token's name. */
public record ScimCaller(long networkId, String name) {
    /** The name of the token from {@code HALLWAY_SCIM_TOKEN}, which has none of its own. */
    public static final String CONFIGURED = "HALLWAY_SCIM_TOKEN";
}
