package com.balancehistory.adapters.http.in.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The one place security headers are set, on every response (pages, API answers, errors, assets): a
 * Content-Security-Policy that allows nothing but this origin and no framing, {@code nosniff},
 * {@code Referrer-Policy: no-referrer}, and {@code Cache-Control: no-store} on everything but static assets.
 * <p>
 * Two kinds of page need more than the strict policy: the generated Swagger UI and RapiDoc pages start with inline
 * scripts and styles (their generator writes them so), and the HTML report carries its own inline stylesheet so it
 * still reads as a delivered file. Neither gets a script from anywhere but this origin.
 */
@ServerFilter("/**")
public final class SecurityHeadersFilter implements Ordered {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** Dashboard pages, API answers, errors: this origin only, no inline script or style, never in a frame. */
    static final String STRICT_POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self';" + " frame-ancestors 'none'";
    /** The HTML report: strict, plus its inline stylesheet. */
    static final String REPORT_POLICY = STRICT_POLICY + "; style-src 'self' 'unsafe-inline'";
    /** Swagger UI and RapiDoc: their inline start-up scripts and styles, images as data URIs, still this origin only. */
    static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; object-src 'none';"
            + " frame-ancestors 'none'";

    @ResponseFilter
    public void addSecurityHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        response.getHeaders().set(CONTENT_SECURITY_POLICY, policyFor(path));
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        if (!isStaticAsset(path)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static String policyFor(String path) {
        if (path.startsWith("/swagger-ui/") || path.startsWith("/rapidoc/")) {
            return API_DOCS_POLICY;
        }
        if (path.startsWith("/api/v1/reports")) {
            return REPORT_POLICY;
        }
        return STRICT_POLICY;
    }

    /** Scripts, styles and the API document: the same for everyone, so browsers may keep them. */
    static boolean isStaticAsset(String path) {
        return path.startsWith("/dashboard/assets/")
                || path.startsWith("/dashboard/vendor/")
                || path.startsWith("/swagger-ui/")
                || path.startsWith("/rapidoc/")
                || path.startsWith("/swagger/");
    }

    /** Outermost, so the headers reach responses that another filter or the error handler produced. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
