package org.hallway.api.entity;

import java.util.List;

/** A thread around a post: what it answers and the replies below it. */
public record Context(List<Status> ancestors, List<Status> descendants) {}
