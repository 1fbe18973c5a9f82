package com.balancehistory.adapters.http.in.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.util.Optional;

/**
 * The browser session cookie: an opaque id only (never the key), {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} when the request came over HTTPS (directly or through a proxy that says so), no expiry of its own: the
 * server ends the session at its idle timeout or lifetime.
 */
public final class SessionCookie {

    public static final String NAME = "bh_session";
    /** The header a state-changing request made with the session cookie carries its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {}

    public static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    public static Cookie of(HttpRequest<?> request, String sessionId) {
        return Cookie.of(NAME, sessionId)
                .path("/")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(overHttps(request));
    }

    /** A cookie that makes the browser forget the session. */
    public static Cookie cleared(HttpRequest<?> request) {
        return of(request, "").maxAge(0);
    }

    private static boolean overHttps(HttpRequest<?> request) {
        return request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
