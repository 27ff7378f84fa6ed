package org.hallway.directory.scim;

/** Who calls the SCIM service: an identity provider holding a token for one network. */
record ScimClient(long networkId, String name) {}
