package com.balancehistory.adapters.http.out.holyheld;

import com.balancehistory.adapters.http.out.common.HttpBalanceProvider;
import com.balancehistory.adapters.http.out.common.HttpOutcome;
import com.balancehistory.adapters.http.out.common.JsonCursor;
import com.balancehistory.adapters.http.out.common.MalformedResponseException;
import com.balancehistory.adapters.http.out.common.ProviderFailures;
import com.balancehistory.adapters.http.out.common.ProviderJson;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Holyheld AI-agent card's EUR balance: {@code GET /v4/ai-agents/balance}
 * with {@code Authorization: Bearer <token>}. Success is {@code {"status": "ok", "payload": {"balance": "94.20"}}},
 * the balance a decimal string with up to two decimals ({@code "94.20"}, {@code "50"}, {@code "50.5"}), read
 * exactly rather than with the document's parseFloat. Errors are {@code {status: "error", errorCode, error}}: 401
 * (header missing) and 403 (token invalid) are not retried, 500 is.
 */
public final class HolyheldBalanceProvider extends HttpBalanceProvider {

    static final String PATH = "/v4/ai-agents/balance";
    /** Endpoint name in failures. */
    public static final String ENDPOINT = "GET " + PATH;

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Pattern BALANCE = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

    private final HolyheldSettings settings;
    private final Map<String, String> headers;

    public HolyheldBalanceProvider(HolyheldSettings settings, ProviderRuntime runtime) {
        super(settings.source(), ProviderType.HOLYHELD, settings.http(), runtime, List.of(settings.token()));
        this.settings = settings;
        this.headers = Map.of("Authorization", "Bearer " + settings.token().reveal());
    }

    @Override
    protected String primaryEndpoint() {
        return ENDPOINT;
    }

    @Override
    protected FetchResult fetchNow() {
        HttpOutcome outcome = http.get(URI.create(settings.baseUri() + PATH), headers, ENDPOINT);
        if (!outcome.isSuccess()) {
            return new FetchResult.Failed(
                    sourceName(), ProviderFailures.of(outcome, ENDPOINT, null), outcome.rawResponses());
        }
        try {
            JsonCursor root = JsonCursor.root(ProviderJson.parse(outcome.body()));
            String status = root.text("status");
            if (!"ok".equals(status)) {
                return new FetchResult.Failed(
                        sourceName(),
                        FetchFailure.ofSource(
                                ENDPOINT,
                                FailureKind.BAD_REQUEST,
                                "status: expected ok, got '"
                                        + (status.length() > 40 ? status.substring(0, 40) + "..." : status) + "' ("
                                        + ProviderFailures.describeErrorBody(outcome.body()) + ")"),
                        outcome.rawResponses());
            }
            JsonCursor payload = root.object("payload");
            java.math.BigDecimal amount = payload.decimalString("balance");
            String text = payload.string("balance");
            if (!BALANCE.matcher(text).matches()) {
                throw payload.error(
                        "balance",
                        "expected a decimal string with up to 2 decimals, got '"
                                + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "'");
            }
            Money balance = payload.money("balance", amount, EUR);
            Account card = Account.of(
                    sourceName(),
                    ProviderType.HOLYHELD,
                    AccountKind.CARD_BALANCE,
                    settings.cardId(),
                    "Holyheld agent card",
                    EUR);
            return new FetchResult.Fetched(
                    sourceName(),
                    List.of(BalanceObservation.of(card, Balances.available(balance))),
                    List.of(),
                    List.of(),
                    Set.of(),
                    outcome.rawResponses());
        } catch (MalformedResponseException e) {
            return new FetchResult.Failed(
                    sourceName(), ProviderFailures.malformed(ENDPOINT, null, e), outcome.rawResponses());
        }
    }
}
