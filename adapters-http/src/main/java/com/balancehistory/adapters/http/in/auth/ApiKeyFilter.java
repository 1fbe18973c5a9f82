package com.balancehistory.adapters.http.in.auth;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase.BrowserSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /api} route: 401 without a valid key, 403 when a
 * reader key calls an {@link AdminOnly} route. Health and the API documentation live outside {@code /api} and stay
 * open. A client address that sent too many invalid keys gets 429 with {@code Retry-After} (see {@link BearerKeyCheck}).
 * Keys are never logged; a rejected request logs the client address and the path.
 * <p>
 * Without an {@code Authorization} header, a dashboard session cookie authenticates instead, with the role of the key
 * it was started with; a request with the cookie that may change state (anything but GET, HEAD, OPTIONS) must carry
 * the session's CSRF token in {@value SessionCookie#CSRF_HEADER}, or it is refused with 403. Runs on the blocking
 * executor because resuming a session reads the database.
 */
@ServerFilter("/api/**")
public final class ApiKeyFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

    /** The request attribute holding the name of the API key (or the session's key) that was accepted. */
    public static final String KEY_NAME_ATTRIBUTE = "balance-history.api-key-name";

    private final BearerKeyCheck check;
    private final BrowserSessionsUseCase sessions;

    public ApiKeyFilter(BearerKeyCheck check, BrowserSessionsUseCase sessions) {
        this.check = check;
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<Problem> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            Optional<String> cookie = SessionCookie.read(request);
            if (cookie.isPresent()) {
                return authenticateSession(request, cookie.get());
            }
        }
        BearerKeyCheck.Outcome outcome = check.check(request);
        if (outcome instanceof BearerKeyCheck.Missing missing) {
            return reject(request, ApiProblem.unauthorized(missing.reason()));
        }
        if (outcome instanceof BearerKeyCheck.Throttled throttled) {
            return BearerKeyCheck.tooManyFailures(request, throttled.retryAfter());
        }
        if (!(outcome instanceof BearerKeyCheck.Accepted accepted)) {
            return reject(request, ApiProblem.unauthorized("the API key is not valid"));
        }
        return authorize(request, accepted.key().name(), accepted.key().role());
    }

    @Nullable
    private MutableHttpResponse<Problem> authenticateSession(HttpRequest<?> request, String sessionId) {
        Optional<BrowserSession> session = sessions.resume(sessionId);
        if (session.isEmpty()) {
            return reject(request, ApiProblem.unauthorized("the dashboard session has ended; sign in again at /login"));
        }
        if (mayChangeState(request)
                && !session.get().acceptsCsrfToken(request.getHeaders().get(SessionCookie.CSRF_HEADER))) {
            LOG.info(
                    "session of key {} refused without its CSRF token on {} {}",
                    session.get().keyName(),
                    request.getMethodName(),
                    request.getPath());
            return reject(
                    request,
                    ApiProblem.forbidden(
                            "a request made with the session cookie that may change state"
                                    + " needs the session's CSRF token in " + SessionCookie.CSRF_HEADER,
                            request.getMethodName() + " " + request.getPath()));
        }
        return authorize(
                request,
                session.get().keyName(),
                ApiRole.fromConfig(session.get().role()));
    }

    /** True for every method but the safe ones (RFC 9110 section 9.2.1). */
    public static boolean mayChangeState(HttpRequest<?> request) {
        return switch (request.getMethod()) {
            case GET, HEAD, OPTIONS -> false;
            default -> true;
        };
    }

    @Nullable
    private static MutableHttpResponse<Problem> authorize(HttpRequest<?> request, String keyName, ApiRole role) {
        ApiRole required = RouteAttributes.getRouteMatch(request)
                        .map(ApiKeyFilter::needsAdmin)
                        .orElse(false)
                ? ApiRole.ADMIN
                : ApiRole.READER;
        if (!role.mayDo(required)) {
            LOG.info(
                    "API key {} ({}) refused on {} route {} {}",
                    keyName,
                    role.configName(),
                    required.configName(),
                    request.getMethodName(),
                    request.getPath());
            return reject(
                    request,
                    ApiProblem.forbidden(
                            "this route needs " + (required == ApiRole.ADMIN ? "an admin" : "a reader or admin")
                                    + " key; key '" + keyName + "' is a " + role.configName()
                                    + " key",
                            request.getMethodName() + " " + request.getPath()));
        }
        // routes that record who did something (PUT /api/v1/fx-rates) read the key's name from here
        request.setAttribute(KEY_NAME_ATTRIBUTE, keyName);
        return null;
    }

    private static boolean needsAdmin(RouteMatch<?> route) {
        return route.getAnnotationMetadata().hasAnnotation(AdminOnly.class)
                || route.getAnnotationMetadata().hasStereotype(AdminOnly.class);
    }

    private static MutableHttpResponse<Problem> reject(HttpRequest<?> request, ApiProblem problem) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(problem.status())
                .contentType(Problem.MEDIA_TYPE)
                .body(problem.toProblem(request.getPath()));
        if (problem.status().getCode() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"balance-history\"");
        }
        return response;
    }
}
