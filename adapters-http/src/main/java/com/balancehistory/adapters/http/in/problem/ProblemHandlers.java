package com.balancehistory.adapters.http.in.problem;

import com.balancehistory.application.port.in.query.InvalidQueryException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every error of the API as {@code application/problem+json}. */
public final class ProblemHandlers {

    private ProblemHandlers() {}

    /** The problem as its response: status, problem+json body and, when it says so, Retry-After. */
    public static MutableHttpResponse<Problem> respond(HttpRequest<?> request, ApiProblem problem) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(problem.status())
                .contentType(Problem.MEDIA_TYPE)
                .body(problem.toProblem(request.getPath()));
        problem.retryAfter()
                .ifPresent(
                        wait -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        return response;
    }

    /** Problems raised by controllers. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ExceptionHandler.class)
    static final class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ApiProblem exception) {
            return respond(request, exception);
        }
    }

    /** A query the use case rejected: a 400 naming the parameter. */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class InvalidQueryHandler implements ExceptionHandler<InvalidQueryException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidQueryException exception) {
            return respond(request, ApiProblem.invalidParameter(exception.parameter(), exception.getMessage()));
        }
    }

    /**
     * The body of errors Micronaut itself answers (no such route, method not allowed, internal errors; bodies
     * that cannot be read are {@link BodyProblems}). Server errors get a fixed text: an exception message may carry anything, so it is logged, not sent.
     */
    @Singleton
    @Replaces(JsonErrorResponseBodyProvider.class)
    static final class ProblemErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

        private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorBodyProvider.class);

        @Override
        public Problem body(ErrorContext context, HttpResponse<?> response) {
            int status = response.code();
            String path = context.getRequest().getPath();
            if (status >= 500) {
                LOG.error("request {} {} failed with {}", context.getRequest().getMethodName(), path, status);
                return new Problem(
                        "/problems/internal-error",
                        "Internal error",
                        status,
                        "the server could not answer this request; see the service log",
                        null,
                        null,
                        path);
            }
            String detail = context.getErrors().stream()
                    .map(e -> e.getMessage())
                    .findFirst()
                    .orElse(HttpStatus.valueOf(status).getReason());
            String parameter = context.getErrors().stream()
                    .flatMap(e -> e.getPath().stream())
                    .findFirst()
                    .orElse(null);
            return switch (status) {
                case 404 ->
                    new Problem("/problems/not-found", "Not found", status, "no such route: " + path, null, path, path);
                case 405 ->
                    new Problem(
                            "/problems/method-not-allowed",
                            "Method not allowed",
                            status,
                            context.getRequest().getMethodName() + " is not allowed on " + path,
                            null,
                            path,
                            path);
                default ->
                    new Problem(
                            "/problems/invalid-request",
                            HttpStatus.valueOf(status).getReason(),
                            status,
                            detail,
                            parameter == null ? "body" : parameter,
                            null,
                            path);
            };
        }

        @Override
        public String contentType() {
            return Problem.MEDIA_TYPE;
        }
    }
}
