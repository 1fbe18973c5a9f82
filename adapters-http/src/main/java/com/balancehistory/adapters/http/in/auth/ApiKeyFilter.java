package com.balancehistory.adapters.http.in.auth;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /api} route: 401 without a valid key, 403 when a
 * reader key calls an {@link AdminOnly} route. Health and the API documentation live outside {@code /api} and stay
 * open. Keys are never logged; a rejected request logs only the path.
 */
@ServerFilter("/api/**")
public final class ApiKeyFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return reject(request, ApiProblem.unauthorized("send an API key as 'Authorization: Bearer <key>'"));
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return reject(request, ApiProblem.unauthorized("the Authorization header must use the Bearer scheme"));
        }
        Optional<ApiKey> key = keys.authenticate(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            LOG.info("rejected an unknown API key on {} {}", request.getMethodName(), request.getPath());
            return reject(request, ApiProblem.unauthorized("the API key is not valid"));
        }
        ApiRole required = RouteAttributes.getRouteMatch(request)
                .map(ApiKeyFilter::needsAdmin).orElse(false) ? ApiRole.ADMIN : ApiRole.READER;
        ApiRole role = key.get().role();
        if (!role.mayDo(required)) {
            LOG.info("API key {} ({}) refused on {} route {} {}", key.get().name(), role.configName(),
                    required.configName(), request.getMethodName(), request.getPath());
            return reject(request, ApiProblem.forbidden("this route needs " + (required == ApiRole.ADMIN ? "an admin"
                    : "a reader or admin") + " key; key '" + key.get().name() + "' is a " + role.configName()
                    + " key", request.getMethodName() + " " + request.getPath()));
        }
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
