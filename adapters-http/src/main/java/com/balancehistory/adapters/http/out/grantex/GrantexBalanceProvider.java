package com.balancehistory.adapters.http.out.grantex;

import com.balancehistory.adapters.http.out.common.FanOut;
import com.balancehistory.adapters.http.out.common.FetchResults;
import com.balancehistory.adapters.http.out.common.HttpBalanceProvider;
import com.balancehistory.adapters.http.out.common.HttpOutcome;
import com.balancehistory.adapters.http.out.common.JsonCursor;
import com.balancehistory.adapters.http.out.common.MalformedResponseException;
import com.balancehistory.adapters.http.out.common.ProviderFailures;
import com.balancehistory.adapters.http.out.common.ProviderJson;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the budget balance of each configured Grantex grant:
 * {@code GET /v1/budget/balance/{grantId}} with {@code Authorization: Bearer <api-key>}.
 *
 * <p>The document shows {@code initialBudget} and {@code remainingBudget} as JSON numbers, but the live server
 * sends PostgreSQL NUMERIC(18,4) text ({@code "94.5000"}); both are read exactly. The remaining budget is the
 * available balance, the initial budget is kept as {@link Balances#initial()}, {@code updatedAt} becomes the
 * provider's as-of time, and the allocation id and grant id are kept as attributes. A 404 (NOT_FOUND) is that
 * grant's own failure; 401 stops the other calls. Error bodies are {@code {message, code, requestId}}.
 */
public final class GrantexBalanceProvider extends HttpBalanceProvider {

    static final String PATH_PREFIX = "/v1/budget/balance/";
    /** Endpoint name in failures (the grant id is the failure's external id). */
    public static final String ENDPOINT = "GET /v1/budget/balance/{grantId}";

    private final GrantexSettings settings;
    private final Map<String, String> headers;

    public GrantexBalanceProvider(GrantexSettings settings, ProviderRuntime runtime) {
        super(settings.source(), ProviderType.GRANTEX, settings.http(), runtime, List.of(settings.apiKey()));
        this.settings = settings;
        this.headers = Map.of("Authorization", "Bearer " + settings.apiKey().reveal());
    }

    @Override
    protected String primaryEndpoint() {
        return ENDPOINT;
    }

    @Override
    protected FetchResult fetchNow() {
        List<RawResponse> raws = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<FetchFailure> stop = new AtomicReference<>();
        List<GrantRead> reads = FanOut.run(
                "grantex-" + sourceName(),
                settings.grantIds(),
                settings.http().maxConcurrency(),
                grantId -> stop.get() != null ? null : read(grantId, raws, stop));
        List<BalanceObservation> balances = new ArrayList<>();
        List<FetchFailure> failures = new ArrayList<>();
        for (GrantRead read : reads) {
            if (read == null) {
                continue;
            }
            if (read.observation() != null) {
                balances.add(read.observation());
            } else {
                failures.add(read.failure());
            }
        }
        if (stop.get() != null) {
            return new FetchResult.Failed(sourceName(), stop.get(), raws);
        }
        return FetchResults.assemble(
                sourceName(),
                !balances.isEmpty(),
                balances,
                List.of(),
                failures,
                EnumSet.noneOf(AccountKind.class),
                raws);
    }

    private record GrantRead(BalanceObservation observation, FetchFailure failure) {}

    private GrantRead read(String grantId, List<RawResponse> raws, AtomicReference<FetchFailure> stop) {
        String path =
                PATH_PREFIX + URLEncoder.encode(grantId, StandardCharsets.UTF_8).replace("+", "%20");
        HttpOutcome outcome = http.get(URI.create(settings.baseUri() + path), headers, "GET " + path);
        raws.addAll(outcome.rawResponses());
        if (!outcome.isSuccess()) {
            FetchFailure failure = ProviderFailures.of(outcome, ENDPOINT, grantId);
            if (FetchResults.stopsTheSource(failure)) {
                stop.compareAndSet(null, failure);
            }
            return new GrantRead(null, failure);
        }
        try {
            JsonCursor root = JsonCursor.root(ProviderJson.parse(outcome.body()));
            String allocationId = root.text("id");
            String answeredGrant = root.text("grantId");
            if (!answeredGrant.equals(grantId)) {
                throw root.error("grantId", "expected '" + grantId + "', got '" + answeredGrant + "'");
            }
            Currency currency = root.currency("currency");
            Money initial = root.money("initialBudget", root.decimal("initialBudget"), currency);
            Money remaining = root.money("remainingBudget", root.decimal("remainingBudget"), currency);
            Instant updatedAt = root.instant("updatedAt");
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("grantId", grantId);
            attributes.put("allocationId", allocationId);
            if (root.has("createdAt")) {
                attributes.put("createdAt", root.instant("createdAt").toString());
            }
            Account account = Account.of(
                            sourceName(), ProviderType.GRANTEX, AccountKind.GRANT_BUDGET, grantId, grantId, currency)
                    .withAttributes(attributes);
            Balances balances = Balances.available(remaining).withInitial(initial);
            return new GrantRead(new BalanceObservation(account, balances, Optional.of(updatedAt)), null);
        } catch (MalformedResponseException e) {
            return new GrantRead(null, ProviderFailures.malformed(ENDPOINT, grantId, e));
        }
    }
}
