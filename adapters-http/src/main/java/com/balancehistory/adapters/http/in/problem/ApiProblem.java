package com.balancehistory.adapters.http.in.problem;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/** A request the API answers with a problem: thrown by controllers, rendered by {@link ProblemHandlers}. */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String parameter;
    private final String resource;
    private final Duration retryAfter;

    private ApiProblem(HttpStatus status, String type, String title, String detail, String parameter, String resource) {
        this(status, type, title, detail, parameter, resource, null);
    }

    private ApiProblem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            String parameter,
            String resource,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
        this.resource = resource;
    }

    public static ApiProblem invalidParameter(String parameter, String detail) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "/problems/invalid-parameter", "Invalid parameter", detail, parameter, null);
    }

    /** A request that cannot be read at all, such as a body that is not JSON. */
    public static ApiProblem invalidRequest(String parameter, String detail) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST, "/problems/invalid-request", "Bad Request", detail, parameter, null);
    }

    public static ApiProblem notFound(String resource, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "/problems/not-found", "Not found", detail, null, resource);
    }

    public static ApiProblem unknownParameterValue(String parameter, String resource, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "/problems/not-found", "Not found", detail, parameter, resource);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED, "/problems/unauthorized", "Unauthorized", detail, "Authorization", null);
    }

    public static ApiProblem forbidden(String detail, String resource) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden", detail, null, resource);
    }

    /** Too many attempts or requests: the caller should try again after {@code retryAfter} (sent as Retry-After). */
    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "/problems/too-many-requests",
                "Too many requests",
                detail,
                null,
                null,
                retryAfter);
    }

    /** How long the caller should wait before trying again, when the problem says. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A wait as Retry-After says it: whole seconds, rounded up, at least one. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public static ApiProblem conflict(String parameter, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "/problems/conflict", "Conflict", detail, parameter, null);
    }

    public HttpStatus status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status.getCode(), getMessage(), parameter, resource, instance);
    }
}
