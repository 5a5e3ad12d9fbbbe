package org.masthead.api;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses: the HTTP status, a short code, the parameter or field at fault (or
 * null) and why; a validation refusal also lists every field's problem, and some refusals carry
 * headers (WWW-Authenticate, Retry-After).
 */
final class ApiError extends RuntimeException {
    final int status;
    final String code;
    final String field;
    final List<FieldProblem> errors;
    final Map<String, String> headers;

    /** One field's problem in a validation refusal. */
    record FieldProblem(String field, String message) {
    }

    ApiError(int status, String code, String field, String message) {
        this(status, code, field, message, List.of(), Map.of());
    }

    ApiError(int status, String code, String field, String message, List<FieldProblem> errors, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", null, what);
    }

    static ApiError badParameter(String field, String message) {
        return new ApiError(400, "bad_parameter", field, message);
    }

    /** 422: the request was well-formed but breaks the newsroom's rules; every problem is listed. */
    static ApiError invalid(List<FieldProblem> problems) {
        FieldProblem first = problems.getFirst();
        return new ApiError(422, "invalid", first.field(), problems.size() == 1 ? first.message()
                : first.message() + " (and " + (problems.size() - 1) + " more: see errors)", problems, Map.of());
    }
}
