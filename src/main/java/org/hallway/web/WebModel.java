package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hallway.identity.AccountStore;
import org.hallway.identity.Avatars;
import org.hallway.identity.SignedIn;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.hallway.notify.CountUnreadNotifications;
import org.hallway.notify.NotificationQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the page {@link Chrome} into the model of every web controller. */
@ControllerAdvice(basePackageClasses = WebModel.class)
class WebModel {
    /** The badge counts up to this and then shows "99+". */
    static final int BADGE_LIMIT = 100;

    private final AccountStore accounts;
    private final NetworkStore networks;
    private final Avatars avatars;
    private final CountUnreadNotifications unread;
    private final int maxCharacters;
    private final PageLanguage language;

    WebModel(
            AccountStore accounts,
            NetworkStore networks,
            Avatars avatars,
            CountUnreadNotifications unread,
            @Value("${hallway.posts.max-characters:5000}") int maxCharacters,
            PageLanguage language) {
        this.accounts = accounts;
        this.networks = networks;
        this.avatars = avatars;
        this.unread = unread;
        this.maxCharacters = maxCharacters;
        this.language = language;
    }

    @ModelAttribute("chrome")
    Chrome chrome(@Nullable SignedIn signedIn, HttpServletRequest request) {
        return build(signedIn, request);
    }

    Chrome build(@Nullable SignedIn signedIn, HttpServletRequest request) {
        var account = signedIn == null || signedIn.accountId() == null
                ? null
                : accounts.find(signedIn.networkId(), signedIn.accountId()).orElse(null);
        var me = account == null
                ? null
                : new Chrome.Me(
                        account.id(),
                        account.username(),
                        account.displayName(),
                        avatars.path(account.id()),
                        account.admin(),
                        account.role() == org.hallway.identity.Account.Role.GUEST);
        var network = account == null ? networks.first() : networks.find(account.networkId());
        var token = request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t ? t : null;
        var csrf = token == null
                ? new Chrome.Csrf("_csrf", "X-CSRF-TOKEN", "")
                : new Chrome.Csrf(token.getParameterName(), token.getHeaderName(), token.getToken());
        var path = request.getRequestURI().substring(request.getContextPath().length());
        int unreadCount = account == null || signedIn.viewer() == null
                ? 0
                : unread.handle(signedIn.viewer(), NotificationQuery.all(), BADGE_LIMIT);
        var lang = language.of(account == null ? null : account.id(), request);
        return new Chrome(
                me, network.map(Network::name).orElse("Hallway"), csrf, path, maxCharacters, unreadCount, lang);
    }
}
