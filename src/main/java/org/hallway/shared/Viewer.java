package org.hallway.shared;

/**
 * Who is asking: a signed-in colleague of one network. Every read path takes a viewer and asks the
 * audience module what it may see.
 */
public record Viewer(long accountId, long networkId, boolean admin) {}
