package org.hallway.web;

import java.util.List;

/**
 * One version of a post's text (sanitized HTML), as the edit history lists it, with the attachments
 * it had, each as "Video: alt text".
 */
public record PostVersion(String html, Card.When when, List<String> media) {}
