package org.hallway.web;

/** One version of a post's text (sanitized HTML), as the edit history lists it. */
public record PostVersion(String html, Card.When when) {}
