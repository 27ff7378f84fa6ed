package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.hallway.identity.PreferredLocale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The language a page is marked with ({@code <html lang>}): a signed-in colleague's, as {@link
 * PreferredLocale} knows it. Signed out (the sign-in page, an error page) nobody has chosen one yet,
 * so the browser's first wish ({@code Accept-Language}) among the languages Hallway offers counts,
 * else the network's.
 */
@Component
class PageLanguage {
    private final PreferredLocale locales;

    PageLanguage(PreferredLocale locales) {
        this.locales = locales;
    }

    String of(@Nullable Long accountId, HttpServletRequest request) {
        if (accountId != null) return locales.of(accountId);
        var wished = offered(request.getHeader("Accept-Language"));
        return wished != null ? wished : locales.networkDefault();
    }

    /** The offered language the header asks for most ({@code de-CH} asks for {@code de}), if any. */
    static @Nullable String offered(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return null;
        try {
            return Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), PreferredLocale.OFFERED);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
