package org.hallway.api;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.hallway.identity.IssueToken;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error is JSON: {@code {"error": "..."}} with the status Mastodon uses. Messages are the
 * safe ones the domain wrote; causes of unexpected failures are logged, never returned.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Map<String, Object>> duplicate(DuplicateKeyException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed: this is already taken");
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Map<String, Object>> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IssueToken.OAuthError.class)
    ResponseEntity<Map<String, Object>> oauth(IssueToken.OAuthError e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.code(), "error_description", e.getMessage()));
    }

    @ExceptionHandler({ParamsResolver.MalformedBodyException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, Object>> malformed(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This content type is not supported");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "Record not found");
    }

    /** The client hung up while the answer was being written: nothing to answer, nothing to alarm anyone about. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    /**
     * Anything else is a bug, answered 500, except a request that waited in vain for a database
     * connection: that one goes on to {@code config.BusyDatabase}, which answers 503 with Retry-After.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) throws Exception {
        if (waitedForConnection(e)) throw e;
        log.error("API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");
    }

    private static boolean waitedForConnection(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException)
                return true;
        }
        return false;
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", message));
    }
}
