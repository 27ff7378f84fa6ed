package org.hallway.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Port: sends mail, one at a time or many over one connection. */
public interface Mailer {
    /** A multipart mail: plain text and HTML of the same content, plus extra headers. */
    record Mail(String to, String subject, String text, String html, Map<String, String> headers) {}

    /** False when no mail server is configured: nothing can be sent. */
    boolean enabled();

    /** Throws when the mail could not be handed to the server. */
    void send(Mail mail);

    /**
     * Sends many mails, reusing the connection to the server between them (a digest run sends thousands);
     * returns those the server did not take, to be tried again later. This default sends one by one.
     */
    default List<Mail> sendAll(List<Mail> mails) {
        var failed = new ArrayList<Mail>();
        for (var mail : mails) {
            try {
                send(mail);
            } catch (RuntimeException e) {
                failed.add(mail);
            }
        }
        return failed;
    }
}
