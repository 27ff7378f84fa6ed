package org.hallway.identity;

import java.util.List;
import java.util.Locale;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague's interface language: the one they chose, else the network's ({@code HALLWAY_LOCALE}).
 * Pushes name it as {@code preferred_locale}, mails and web pages are marked with it ({@code lang}),
 * apps read it as {@code source.language}. Hallway's own texts are in English for now: the setting
 * tells apps, mail readers and browsers (spelling, hyphenation, reading aloud) which language to expect.
 */
@Service
public class PreferredLocale {
    /** The languages offered on the settings page; the API takes any ISO 639 language with a region. */
    public static final List<String> OFFERED =
            List.of("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "fi", "cs", "ja", "zh", "ko");

    private final AccountLocales locales;
    private final String networkDefault;

    PreferredLocale(AccountLocales locales, @Value("${hallway.push.locale:en}") String networkDefault) {
        this.locales = locales;
        this.networkDefault = networkDefault.isBlank() ? "en" : networkDefault;
    }

    public String networkDefault() {
        return networkDefault;
    }

    /** The colleague's language, or the network's when they chose none. */
    public String of(long accountId) {
        return locales.localeOf(accountId).orElse(networkDefault);
    }

    /** The colleague's own choice, if any. */
    public @Nullable String chosen(long accountId) {
        return locales.localeOf(accountId).orElse(null);
    }

    /** Sets the colleague's language; empty goes back to the network's. Checked by {@link #normalize}. */
    @Transactional
    public void change(long networkId, long accountId, @Nullable String locale) {
        locales.setLocale(networkId, accountId, normalize(locale));
    }

    /** The canonical tag ({@code pt-BR}), null for none; refuses what is not a known language. */
    public static @Nullable String normalize(@Nullable String raw) {
        if (raw == null || raw.isBlank()) return null;
        var locale = Locale.forLanguageTag(raw.strip().replace('_', '-'));
        var language = locale.getLanguage();
        if (language.isEmpty() || !List.of(Locale.getISOLanguages()).contains(language))
            throw new InvalidInputException(
                    "language", "Not a language Hallway knows: use a code such as en, de or pt-BR");
        return locale.getCountry().isEmpty() ? language : language + "-" + locale.getCountry();
    }
}
