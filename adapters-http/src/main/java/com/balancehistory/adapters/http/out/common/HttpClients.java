package com.balancehistory.adapters.http.out.common;

import com.balancehistory.adapters.http.out.HttpSettings;
import java.net.http.HttpClient;

/** Builds a source's JDK HTTP client: once at start, and again whenever the one in use has died. */
@FunctionalInterface
public interface HttpClients {

    /** The JDK's own client, as {@link #configured(HttpSettings)}. */
    HttpClients JDK = settings -> configured(settings).build();

    /** @throws RuntimeException when no client can be built now, e.g. no selector can be opened */
    HttpClient newClient(HttpSettings settings);

    /** HTTP/1.1, the source's connect timeout, redirects never followed. */
    static HttpClient.Builder configured(HttpSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
    }
}
