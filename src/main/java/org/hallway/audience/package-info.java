/**
 * The one place that decides who may see what. Every read path (feeds, threads, single posts, API,
 * later search, streams, notifications and mails) asks {@link org.hallway.audience.Visibility}.
 * Depends on no other feature module: it reads the audience facts (a post's visibility and author,
 * follows, mentions) straight from their tables so that every module can depend on it.
 */
package org.hallway.audience;
