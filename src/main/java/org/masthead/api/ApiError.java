package org.masthead.api;

/** A request the API refuses: the HTTP status, a short code, the parameter at fault (or null) and why. */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final String field;

    ApiError(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", null, what);
    }

    static ApiError badParameter(String field, String message) {
        return new ApiError(400, "bad_parameter", field, message);
    }
}
