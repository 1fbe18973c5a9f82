package com.balancehistory.adapters.http.in.dashboard;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.adapters.http.in.auth.ApiKeys;
import com.balancehistory.adapters.http.in.auth.ApiRole;
import com.balancehistory.adapters.http.in.auth.BearerKeyCheck;
import com.balancehistory.adapters.http.in.auth.FailedAttemptThrottle;
import com.balancehistory.adapters.http.in.auth.SessionCookie;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase.BrowserSession;
import com.balancehistory.application.port.in.session.BrowserSessionsUseCase.StartedSession;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser dashboard: sign-in with an API key into a server-side session, sign-out, and the pages (shells whose
 * scripts read the JSON API with the session cookie). Pages without a live session redirect to {@code /login}.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    /** The one answer to every failed sign-in, so it tells nothing about why. */
    static final String SIGN_IN_FAILED = "That key was not accepted. Check it and try again.";

    private static final Logger LOG = LoggerFactory.getLogger(DashboardController.class);
    private static final URI LOGIN = URI.create("/login");
    private static final URI DASHBOARD = URI.create("/dashboard");

    private final ApiKeys keys;
    private final FailedAttemptThrottle throttle;
    private final BearerKeyCheck clientAddresses;
    private final BrowserSessionsUseCase sessions;
    private final DashboardPages pages = new DashboardPages();

    /** Failed sign-ins count in the same per-address throttle as failed bearer keys. */
    public DashboardController(
            ApiKeys keys,
            FailedAttemptThrottle throttle,
            BearerKeyCheck clientAddresses,
            BrowserSessionsUseCase sessions) {
        this.keys = keys;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.sessions = sessions;
    }

    /** The sign-in form's fields. */
    @Introspected
    @Serdeable
    public record LoginForm(@Nullable String key) {}

    /** The sign-out form's fields. */
    @Introspected
    @Serdeable
    public record LogoutForm(@Nullable String csrf) {}

    @Get
    public HttpResponse<?> root() {
        return HttpResponse.seeOther(DASHBOARD);
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> loginForm(HttpRequest<?> request) {
        if (session(request).isPresent()) {
            return HttpResponse.seeOther(DASHBOARD);
        }
        return html(HttpStatus.OK, pages.login(""));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> login(HttpRequest<?> request, @Body LoginForm form) {
        String address = clientAddresses.clientAddress(request);
        Optional<Duration> blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            LOG.warn("dashboard sign-in from {} throttled: too many failed keys", address);
            return html(HttpStatus.TOO_MANY_REQUESTS, pages.login(SIGN_IN_FAILED))
                    .header(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(FailedAttemptThrottle.retryAfterSeconds(blocked.get())));
        }
        Optional<ApiKey> key = keys.authenticate(
                        form.key() == null ? null : form.key().strip())
                .filter(k -> k.role().mayDo(ApiRole.READER));
        if (key.isEmpty()) {
            FailedAttemptThrottle.Failure failure = throttle.recordFailure(address);
            LOG.warn(
                    "dashboard sign-in from {} refused: unknown key, or a metrics key ({} failed in the last {})",
                    address,
                    failure.failuresInWindow(),
                    throttle.settings().window());
            return html(HttpStatus.UNAUTHORIZED, pages.login(SIGN_IN_FAILED));
        }
        StartedSession started =
                sessions.start(key.get().name(), key.get().role().configName());
        LOG.info(
                "dashboard sign-in with key {} ({})",
                key.get().name(),
                key.get().role().configName());
        return HttpResponse.seeOther(DASHBOARD).cookie(SessionCookie.of(request, started.sessionId()));
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, @Body LogoutForm form) {
        Optional<String> id = SessionCookie.read(request);
        Optional<BrowserSession> session = id.flatMap(sessions::resume);
        if (session.isPresent() && !session.get().acceptsCsrfToken(form.csrf())) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("Signing out needs the page's CSRF token: reload the page and try again.");
        }
        id.ifPresent(sessions::end);
        return HttpResponse.seeOther(LOGIN).cookie(SessionCookie.cleared(request));
    }

    @Get(value = "/dashboard", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> overview(HttpRequest<?> request) {
        return page(request, "overview", "Overview");
    }

    @Get(value = "/dashboard/accounts", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> accounts(HttpRequest<?> request) {
        return page(request, "accounts", "Accounts");
    }

    @Get(value = "/dashboard/accounts/{accountId}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> account(HttpRequest<?> request, @PathVariable String accountId) {
        return page(request, "account", "Account");
    }

    @Get(value = "/dashboard/cards", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> cards(HttpRequest<?> request) {
        return page(request, "cards", "Cards");
    }

    @Get(value = "/dashboard/alerts", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> alerts(HttpRequest<?> request) {
        return page(request, "alerts", "Alerts");
    }

    @Get(value = "/dashboard/polls", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> polls(HttpRequest<?> request) {
        return page(request, "polls", "Polls");
    }

    @Get(value = "/dashboard/reports", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> reports(HttpRequest<?> request) {
        return page(request, "reports", "Reports");
    }

    private HttpResponse<?> page(HttpRequest<?> request, String page, String title) {
        Optional<BrowserSession> session = session(request);
        if (session.isEmpty()) {
            MutableHttpResponse<?> redirect = HttpResponse.seeOther(LOGIN);
            return SessionCookie.read(request).isPresent() ? redirect.cookie(SessionCookie.cleared(request)) : redirect;
        }
        BrowserSession s = session.get();
        return html(HttpStatus.OK, pages.page(page, title, s.role(), s.keyName(), s.csrfToken()));
    }

    private Optional<BrowserSession> session(HttpRequest<?> request) {
        return SessionCookie.read(request).flatMap(sessions::resume);
    }

    private static MutableHttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8")
                .body(body);
    }
}
