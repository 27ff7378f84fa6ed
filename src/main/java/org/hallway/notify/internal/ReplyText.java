package org.hallway.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new words of a mail reply: the quoted mail it answers, the line introducing the quote, the
 * sender's signature and the footers of phones are cut off. Mail programs do this differently, so
 * these are the common shapes (Gmail, Apple Mail, Thunderbird, Outlook), not a grammar.
 */
public final class ReplyText {
    private static final List<Pattern> QUOTE_STARTS = List.of(
            // "On Tue, 1 Dec 2026 at 10:00, Alice <a@x> wrote:" (possibly wrapped onto two lines)
            Pattern.compile("(?is)^\\s*(on|am|le|el)\\s.{0,300}(wrote|schrieb|a écrit|escribió)\\s*:\\s*$"),
            Pattern.compile(
                    "(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine)\\s*-{2,}\\s*$"),
            Pattern.compile("(?i)^\\s*_{5,}\\s*$"),
            Pattern.compile("(?i)^\\s*from:\\s.*$"));
    private static final List<Pattern> SIGNATURES = List.of(
            Pattern.compile("^-- ?$"),
            Pattern.compile("(?i)^\\s*sent from my .*$"),
            Pattern.compile("(?i)^\\s*(get outlook for|envoyé de mon|von meinem) .*$"));

    private ReplyText() {}

    public static String of(String body) {
        var lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        var kept = new ArrayList<String>();
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            if (line.startsWith(">")) break;
            if (startsQuote(line)) break;
            // A quote introduction wrapped over two lines: "On ..., Alice" / "<a@x> wrote:".
            if (i + 1 < lines.length && startsQuote(line + " " + lines[i + 1])) break;
            if (SIGNATURES.stream().anyMatch(p -> p.matcher(line).matches())) break;
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean startsQuote(String line) {
        return QUOTE_STARTS.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /** Text of an HTML-only mail: tags dropped, blocks as lines, entities decoded. */
    public static String fromHtml(String html) {
        var text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
                .replaceAll("(?is)<blockquote.*", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return org.springframework.web.util.HtmlUtils.htmlUnescape(text);
    }
}
