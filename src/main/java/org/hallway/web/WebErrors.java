package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallway.identity.SignedIn;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.TooManyRequestsException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the web UI as pages (or, for htmx requests, as a short message in the page's status
 * area). Limited to the web package: the API answers its own errors as JSON.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
class WebErrors {
    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final WebModel model;

    WebErrors(WebModel model) {
        this.model = model;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(Exception e, HttpServletRequest req, HttpServletResponse res) {
        return page(req, res, 404, "Not found", "This page doesn't exist, or it isn't shared with you.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest req, HttpServletResponse res) {
        return page(req, res, 403, "Not allowed", e.getMessage());
    }

    @ExceptionHandler({InvalidInputException.class, MissingServletRequestParameterException.class})
    ModelAndView invalid(Exception e, HttpServletRequest req, HttpServletResponse res) {
        var message = e instanceof InvalidInputException ? e.getMessage() : "Something is missing in this request.";
        return page(req, res, 400, "That didn't work", message);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return page(req, res, 429, "Slow down", e.getMessage());
    }

    /** No database connection in time: the server is overloaded, not broken (see config.BusyDatabase). */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ModelAndView busy(Exception e, HttpServletRequest req, HttpServletResponse res) {
        log.warn("No database connection in time for {} {}", req.getMethod(), req.getRequestURI());
        res.setHeader("Retry-After", "5");
        return page(req, res, 503, "Hallway is busy", "Hallway is busy. Please try again in a few seconds.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest req, HttpServletResponse res) {
        log.error("Web request failed: {} {}", req.getMethod(), req.getRequestURI(), e);
        return page(req, res, 500, "Something went wrong", "Something went wrong on our side. Please try again.");
    }

    private ModelAndView page(
            HttpServletRequest req, HttpServletResponse res, int status, String title, String message) {
        res.setStatus(status);
        if (req.getHeader("HX-Request") != null) {
            // htmx swaps into the element that asked; an error belongs in the status area instead.
            res.setHeader("HX-Retarget", "#toast");
            res.setHeader("HX-Reswap", "innerHTML");
            var mav = new ModelAndView("fragments/toast");
            mav.addObject("message", message);
            return mav;
        }
        var mav = new ModelAndView("pages/error");
        mav.addObject("chrome", model.build(signedIn(), req));
        mav.addObject("status", status);
        mav.addObject("title", title);
        mav.addObject("message", message);
        return mav;
    }

    private static @Nullable SignedIn signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedIn s ? s : null;
    }
}
