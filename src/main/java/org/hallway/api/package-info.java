/**
 * The Mastodon-compatible client API and its enterprise extensions: controllers and JSON shapes
 * only. Every controller calls use cases of the feature modules; nothing here decides who may see
 * what.
 */
package org.hallway.api;
