package org.hallway.directory;

import java.util.List;

/** One page of a SCIM list: the resources and how many match in all. */
public record ScimPage<T>(int totalResults, List<T> resources) {}
