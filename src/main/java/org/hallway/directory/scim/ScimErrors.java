package org.hallway.directory.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import org.hallway.directory.ScimConflictException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every SCIM error is a SCIM error response (RFC 7644 section 3.12): {@code schemas}, {@code status}
 * as a string, {@code scimType} where the RFC names one, and a {@code detail} safe to show.
 */
@RestControllerAdvice(basePackageClasses = ScimErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {
    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    @ExceptionHandler(ScimFailure.class)
    ResponseEntity<String> scim(ScimFailure e) {
        return scim(e.scim());
    }

    @ExceptionHandler(ScimException.class)
    ResponseEntity<String> scim(ScimException e) {
        var error = e.getScimError();
        return error(error.getStatus(), error.getScimType(), error.getDetail());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return error(404, null, "Resource not found");
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        return error(400, "invalidValue", e.getMessage());
    }

    @ExceptionHandler(ScimConflictException.class)
    ResponseEntity<String> conflict(ScimConflictException e) {
        return error(409, "uniqueness", e.getMessage());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<String> duplicate(DuplicateKeyException e) {
        return error(409, "uniqueness", "A resource with these unique attributes exists");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return error(400, "invalidSyntax", "The request body could not be read");
    }

    /** A list request whose startIndex or count is no number (RFC 7644 section 3.12: invalidValue). */
    @ExceptionHandler(org.springframework.validation.BindException.class)
    ResponseEntity<String> unbound(org.springframework.validation.BindException e) {
        return error(400, "invalidValue", "startIndex and count must be numbers");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return error(405, null, "This method is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(415, null, "Send application/scim+json or application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("SCIM request failed", e);
        return error(500, null, "Internal server error");
    }

    static ResponseEntity<String> error(int status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(ScimJson.SCIM).body(ScimJson.error(status, scimType, detail));
    }
}
