package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.hallway.identity.SignedIn;
import org.hallway.media.MediaLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A web form upload over the largest media limit is refused while the request is parsed, before any
 * controller (so no controller advice of the web applies). The compose box keeps what was typed and
 * shows the message next to its attachment fields (a file up to twice the limit is parsed, so the
 * compose form itself refuses it and keeps what was typed); other forms show it in the page's status area. API requests
 * pass on to the API's own JSON answer (413).
 */
@Component
class UploadTooLarge implements HandlerExceptionResolver, Ordered {
    private final WebModel model;
    private final MediaLimits limits;

    UploadTooLarge(WebModel model, MediaLimits limits) {
        this.model = model;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest req, HttpServletResponse res, @Nullable Object handler, Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException)) return null;
        var path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/oauth/")) return null;
        var message = "The file is too large (at most " + limits.largestBytesText() + ")";
        res.setStatus(422);
        var chrome = model.build(signedIn(), req);
        boolean htmx = req.getHeader("HX-Request") != null;
        if (path.equals("/posts") && htmx) {
            // The request's fields were not parsed, so the compose box can't be drawn again with them:
            // only the message goes next to the attachment fields, and what was typed stays as it is.
            res.setHeader("HX-Retarget", "find .compose-media-status");
            res.setHeader("HX-Reswap", "innerHTML");
            var mav = new ModelAndView("fragments/field-message");
            mav.addObject("id", "media-error");
            mav.addObject("message", message);
            return mav;
        }
        if (htmx) {
            res.setHeader("HX-Retarget", "#toast");
            res.setHeader("HX-Reswap", "innerHTML");
            var mav = new ModelAndView("fragments/toast");
            mav.addObject("message", message);
            return mav;
        }
        if (path.equals("/posts")) {
            // Over even the servlet's limit (twice the largest): the fields were not parsed, so the
            // compose page comes back empty, the message next to its attachment fields.
            var mav = new ModelAndView("pages/compose");
            mav.addObject("chrome", chrome);
            mav.addObject("compose", new Form(Map.of("visibility", "public"), Map.of("media", message)));
            return mav;
        }
        var mav = new ModelAndView("pages/error");
        mav.addObject("chrome", chrome);
        mav.addObject("status", 422);
        mav.addObject("title", "That didn't work");
        mav.addObject("message", message);
        return mav;
    }

    private static @Nullable SignedIn signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn s ? s : null;
    }
}
