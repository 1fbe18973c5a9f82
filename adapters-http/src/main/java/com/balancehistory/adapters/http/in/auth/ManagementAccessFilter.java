package com.balancehistory.adapters.http.in.auth;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.adapters.http.in.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * The management routes outside {@code /api}. {@code /prometheus} needs a metrics, reader or admin key, unless
 * the request came in on the separate management port ({@code endpoints.all.port}), which operators expose only to
 * their scrapers. {@code /health} always answers; an admin key makes its details visible (an {@link ApiKeyPrincipal}
 * on the request, which the health endpoint reads with {@code details-visible: AUTHENTICATED}), any other caller
 * sees only UP or DOWN.
 */
@ServerFilter({"/prometheus", "/prometheus/**", "/health", "/health/**"})
public final class ManagementAccessFilter {

    private final BearerKeyCheck check;
    private final int managementPort;

    public ManagementAccessFilter(BearerKeyCheck check, @Value("${endpoints.all.port:-1}") int managementPort) {
        this.check = check;
        this.managementPort = managementPort;
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> authorize(HttpRequest<?> request) {
        if (managementPort > 0
                && request.getServerAddress().getPort() == managementPort
                && !request.getPath().startsWith("/health")) {
            return null;
        }
        BearerKeyCheck.Outcome outcome = check.check(request);
        if (outcome instanceof BearerKeyCheck.Throttled throttled) {
            return BearerKeyCheck.tooManyFailures(request, throttled.retryAfter());
        }
        Optional<ApiKey> key =
                outcome instanceof BearerKeyCheck.Accepted accepted ? Optional.of(accepted.key()) : Optional.empty();
        if (request.getPath().startsWith("/health")) {
            key.filter(k -> k.role().mayDo(ApiRole.ADMIN))
                    .ifPresent(admin -> request.setAttribute(
                            HttpAttributes.PRINCIPAL, new ApiKeyPrincipal(admin.name(), admin.role())));
            return null;
        }
        if (key.isEmpty()) {
            ApiProblem problem = ApiProblem.unauthorized(
                    "send a metrics, reader or admin key as " + "'Authorization: Bearer <key>'");
            return HttpResponse.<Problem>status(problem.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"balance-history\"")
                    .body(problem.toProblem(request.getPath()));
        }
        return null;
    }
}
