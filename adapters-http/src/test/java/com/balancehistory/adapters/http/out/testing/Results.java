package com.balancehistory.adapters.http.out.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Small helpers to unpack fetch results and check that no credential leaked into them. */
public final class Results {

    /** Headers every HTTP/1.1 client adds on its own; the rest must be exactly what the provider documents. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "user-agent", "connection", "content-length");

    private Results() {}

    public static FetchResult.Fetched fetched(FetchResult result) {
        assertThat(result).as("fetch result %s", result).isInstanceOf(FetchResult.Fetched.class);
        return (FetchResult.Fetched) result;
    }

    public static FetchFailure failed(FetchResult result) {
        assertThat(result).as("fetch result %s", result).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).failure();
    }

    /** The request headers other than transport headers, with their single values. */
    public static Map<String, String> providerHeaders(RecordedRequest request) {
        Map<String, String> out = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (!TRANSPORT_HEADERS.contains(name)) {
                assertThat(values).as("header %s sent once", name).hasSize(1);
                out.put(name, values.get(0));
            }
        });
        return out;
    }

    /** Everything a fetch result says in words: reasons, raw endpoints and bodies, toString. */
    public static List<String> texts(FetchResult result) {
        List<String> texts = new ArrayList<>();
        texts.add(String.valueOf(result));
        List<FetchFailure> failures = new ArrayList<>();
        List<RawResponse> raws = new ArrayList<>();
        if (result instanceof FetchResult.Fetched fetched) {
            failures.addAll(fetched.accountFailures());
            raws.addAll(fetched.rawResponses());
        } else if (result instanceof FetchResult.Failed failed) {
            failures.add(failed.failure());
            raws.addAll(failed.rawResponses());
        }
        failures.forEach(failure -> texts.add(failure.describe()));
        raws.forEach(raw -> texts.add(raw.endpoint() + " " + raw.body()));
        return texts;
    }

    public static void assertNoSecretIn(List<String> texts, List<String> secrets) {
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("text must not contain a credential").doesNotContain(secret);
            }
        }
    }
}
