package org.hallway.web.people;

/** A language offered on the language settings page: its tag and its own name ("Deutsch"). */
public record LanguageChoice(String tag, String name) {}
