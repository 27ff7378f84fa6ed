package org.hallway.web.admin;

/** A public group a webhook can follow, for the administration page's choice. */
public record GroupChoice(long id, String name) {}
