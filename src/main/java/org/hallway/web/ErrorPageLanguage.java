package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.hallway.identity.SignedIn;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page that answers what no controller did (an unknown address, a missing file) is marked
 * with the reader's language like every other page ({@code error.jte}).
 */
@Component
class ErrorPageLanguage implements ErrorViewResolver {
    private final PageLanguage language;

    ErrorPageLanguage(PageLanguage language) {
        this.language = language;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var accountId = auth != null && auth.getPrincipal() instanceof SignedIn s ? s.accountId() : null;
        var view = new ModelAndView("error", model);
        view.addObject("lang", language.of(accountId, request));
        return view;
    }
}
