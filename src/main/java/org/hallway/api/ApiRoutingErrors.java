package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * JSON errors for API requests that reach no API controller: an unknown path (404) or a known path
 * with the wrong method (405). {@link ApiErrors} only sees exceptions of API controllers, and these
 * arise before any controller is chosen, so they would otherwise fall through to the HTML error page.
 * Requests outside the API are left to the web UI's error handling by rethrowing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) throw e;
        return ApiErrors.error(HttpStatus.NOT_FOUND, "Record not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) throw e;
        var response = ApiErrors.error(HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed here");
        var allowed = e.getSupportedHttpMethods();
        if (allowed == null || allowed.isEmpty()) return response;
        return ResponseEntity.status(response.getStatusCode())
                .headers(h -> h.setAllow(allowed))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) throw e;
        return ApiErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not supported");
    }

    /** An upload over HALLWAY_MEDIA_MAX_BYTES is refused while the request is parsed, before any controller. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws Exception {
        if (!isApi(request)) throw e;
        return ApiErrors.error(HttpStatus.CONTENT_TOO_LARGE, "The file is too large");
    }

    /** Mastodon's client API and the token endpoints apps call; /oauth/authorize is a web page. */
    static boolean isApi(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/")
                || path.equals("/oauth/token")
                || path.equals("/oauth/revoke")
                || path.startsWith("/nodeinfo/");
    }
}
