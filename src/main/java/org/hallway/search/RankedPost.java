package org.hallway.search;

import java.util.List;

/** A post found for a reader, with its final score and why it ranks where it does, in plain words. */
public record RankedPost(long postId, double score, double relevance, List<String> reasons) {}
