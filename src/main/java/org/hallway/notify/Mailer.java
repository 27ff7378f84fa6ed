package org.hallway.notify;

import java.util.Map;

/** Port: sends one mail. */
public interface Mailer {
    /** A multipart mail: plain text and HTML of the same content, plus extra headers. */
    record Mail(String to, String subject, String text, String html, Map<String, String> headers) {}

    /** False when no mail server is configured: nothing can be sent. */
    boolean enabled();

    /** Throws when the mail could not be handed to the server. */
    void send(Mail mail);
}
