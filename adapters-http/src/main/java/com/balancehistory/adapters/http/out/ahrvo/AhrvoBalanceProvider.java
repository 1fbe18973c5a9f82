package com.balancehistory.adapters.http.out.ahrvo;

import com.balancehistory.adapters.http.out.common.FanOut;
import com.balancehistory.adapters.http.out.common.FetchResults;
import com.balancehistory.adapters.http.out.common.HttpBalanceProvider;
import com.balancehistory.adapters.http.out.common.HttpOutcome;
import com.balancehistory.adapters.http.out.common.JsonCursor;
import com.balancehistory.adapters.http.out.common.JsonListing;
import com.balancehistory.adapters.http.out.common.ListingLimits;
import com.balancehistory.adapters.http.out.common.MalformedResponseException;
import com.balancehistory.adapters.http.out.common.ProviderFailures;
import com.balancehistory.adapters.http.out.common.ProviderJson;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.limit.CardLimitObservation;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one Ahrvo source: every budget account's balance ({@code ahrvo-budget-balance-all.txt}) and the remaining
 * daily, weekly, monthly (rolling 30 days) and lifetime limits of each configured card
 * ({@code ahrvo-card-remaining-limits.txt}).
 *
 * <p>Provider rules followed here: a body whose {@code code} is not {@code "SUCCESS"} is an error even with HTTP
 * 200; 404 on the budget list means "no budget accounts exist", an empty and complete list; amounts are decimal
 * strings (never read through a double) and each budget has its own currency; card limits are in USD and never
 * negative, so a negative one is a malformed body; a 400 or 404 for one card is that card's failure while the other
 * cards are still recorded; 401 (token) and 403 (feature not enabled) stop the card calls, since every other card
 * would answer the same. Card calls run concurrently within the source's concurrency and rate limits (Ahrvo allows
 * about 1,000 requests per 10 s).
 */
public final class AhrvoBalanceProvider extends HttpBalanceProvider {

    static final String BUDGETS_PATH = "/card/issuance/api/issuing/budget/v2/balance/all";
    static final String LIMITS_PATH = "/card/issuance/api/issuing/spending-control/v2/share-card-remaining-limit";
    /** Endpoint name in failures of the budget list. */
    public static final String BUDGETS_ENDPOINT = "GET " + BUDGETS_PATH;
    /** Endpoint name in failures of one card's limits (the card id is the failure's external id). */
    public static final String LIMITS_ENDPOINT = "GET " + LIMITS_PATH;

    private static final Currency USD = Currency.getInstance("USD");
    private static final Map<String, LimitPeriod> LIMIT_FIELDS = limitFields();

    private final AhrvoSettings settings;
    private final ListingLimits limits;
    private final Map<String, String> headers;

    public AhrvoBalanceProvider(AhrvoSettings settings, ProviderRuntime runtime) {
        this(settings, ListingLimits.DEFAULTS, runtime);
    }

    public AhrvoBalanceProvider(AhrvoSettings settings, ListingLimits limits, ProviderRuntime runtime) {
        super(
                settings.source(),
                ProviderType.AHRVO,
                settings.http(),
                runtime,
                List.of(settings.accessToken(), settings.apiKey()));
        this.settings = settings;
        this.limits = limits;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
        h.put("Authorization", "Bearer " + settings.accessToken().reveal());
        h.put("x-api-key", settings.apiKey().reveal());
        this.headers = Collections.unmodifiableMap(h);
    }

    @Override
    protected String primaryEndpoint() {
        return settings.fetchBudgets() ? BUDGETS_ENDPOINT : LIMITS_ENDPOINT;
    }

    @Override
    protected FetchResult fetchNow() {
        List<RawResponse> raws = Collections.synchronizedList(new ArrayList<>());
        List<BalanceObservation> balances = new ArrayList<>();
        List<FetchFailure> failures = Collections.synchronizedList(new ArrayList<>());
        Set<AccountKind> fullyListed = EnumSet.noneOf(AccountKind.class);
        boolean anythingRead = false;

        if (settings.fetchBudgets()) {
            BudgetRead read = readBudgets(raws);
            if (read.failure() != null) {
                if (read.failure().kind() == FailureKind.UNAUTHORIZED) {
                    return new FetchResult.Failed(sourceName(), read.failure(), raws);
                }
                failures.add(read.failure());
            } else {
                balances.addAll(read.balances());
                failures.addAll(read.budgetFailures());
                if (read.budgetFailures().isEmpty()) {
                    fullyListed.add(AccountKind.BUDGET); // a budget that failed is not gone
                }
                anythingRead =
                        !read.balances().isEmpty() || read.budgetFailures().isEmpty();
            }
        }

        AtomicReference<FetchFailure> stop = new AtomicReference<>();
        List<CardLimitObservation> cards = new ArrayList<>();
        List<CardRead> cardReads = FanOut.run(
                "ahrvo-" + sourceName(),
                settings.cardIds(),
                settings.http().maxConcurrency(),
                cardId -> stop.get() != null ? null : readCard(cardId, raws, stop));
        for (CardRead read : cardReads) {
            if (read == null) {
                continue;
            }
            if (read.observation() != null) {
                cards.add(read.observation());
            } else if (!FetchResults.stopsTheSource(read.failure())) {
                failures.add(read.failure());
            }
        }
        if (stop.get() != null) {
            FetchFailure cause = stop.get();
            failures.add(FetchFailure.ofSource(
                    LIMITS_ENDPOINT,
                    cause.kind(),
                    "card calls stopped at card " + cause.externalId() + ": " + cause.reason()));
        }
        anythingRead |= !cards.isEmpty();
        return FetchResults.assemble(sourceName(), anythingRead, balances, cards, failures, fullyListed, raws);
    }

    /** The listing's budgets, those that failed on their own, or the failure of the listing as a whole. */
    private record BudgetRead(
            List<BalanceObservation> balances, List<FetchFailure> budgetFailures, FetchFailure failure) {
        BudgetRead(List<BalanceObservation> balances, FetchFailure failure) {
            this(balances, List.of(), failure);
        }
    }

    private record CardRead(CardLimitObservation observation, FetchFailure failure) {}

    private BudgetRead readBudgets(List<RawResponse> raws) {
        HttpOutcome outcome = http.get(URI.create(settings.baseUri() + BUDGETS_PATH), headers, BUDGETS_ENDPOINT);
        raws.addAll(outcome.rawResponses());
        if (outcome.hasResponse() && outcome.status() == 404) {
            // "404 Not Found: No budget accounts exist" -- an empty, complete list
            return new BudgetRead(List.of(), null);
        }
        if (!outcome.isSuccess()) {
            return new BudgetRead(List.of(), ProviderFailures.of(outcome, BUDGETS_ENDPOINT, null));
        }
        try {
            List<BalanceObservation> out = new ArrayList<>();
            List<FetchFailure> failed = new ArrayList<>();
            JsonListing listing = JsonListing.read(outcome.body(), "data", limits.maxAccounts(), budget -> {
                try {
                    out.add(readBudget(budget));
                } catch (MalformedResponseException e) {
                    failed.add(
                            ProviderFailures.malformed(BUDGETS_ENDPOINT, budget.idOr("budget_id", budget.path()), e));
                }
            });
            FetchFailure refused = requireSuccessCode(listing.root(), outcome.body(), BUDGETS_ENDPOINT, null);
            if (refused != null) {
                return new BudgetRead(List.of(), refused);
            }
            if (listing.size() > limits.maxAccounts()) {
                return new BudgetRead(
                        List.of(),
                        FetchFailure.ofSource(
                                BUDGETS_ENDPOINT,
                                FailureKind.MALFORMED_RESPONSE,
                                limits.tooManyAccounts("the budget listing")));
            }
            return new BudgetRead(out, failed, null);
        } catch (MalformedResponseException e) {
            return new BudgetRead(List.of(), ProviderFailures.malformed(BUDGETS_ENDPOINT, null, e));
        }
    }

    /** One budget of the listing; a malformed one is that budget's failure, the others are still recorded. */
    private BalanceObservation readBudget(JsonCursor budget) {
        String id = budget.text("budget_id");
        String name = budget.string("budget_name");
        BigDecimal amount = budget.decimalString("balance");
        Currency currency = budget.currency("currency");
        Money balance = budget.money("balance", amount, currency);
        Account account = Account.of(sourceName(), ProviderType.AHRVO, AccountKind.BUDGET, id, name, currency);
        return BalanceObservation.of(account, Balances.available(balance));
    }

    private CardRead readCard(String cardId, List<RawResponse> raws, AtomicReference<FetchFailure> stop) {
        String query = "card_id=" + URLEncoder.encode(cardId, StandardCharsets.UTF_8);
        HttpOutcome outcome = http.get(
                URI.create(settings.baseUri() + LIMITS_PATH + "?" + query), headers, LIMITS_ENDPOINT + "?" + query);
        raws.addAll(outcome.rawResponses());
        if (!outcome.isSuccess()) {
            FetchFailure failure = ProviderFailures.of(outcome, LIMITS_ENDPOINT, cardId);
            if (FetchResults.stopsTheSource(failure)) {
                stop.compareAndSet(null, failure);
            }
            return new CardRead(null, failure);
        }
        try {
            JsonCursor root = JsonCursor.root(ProviderJson.parse(outcome.body()));
            FetchFailure refused = requireSuccessCode(root, outcome.body(), LIMITS_ENDPOINT, cardId);
            if (refused != null) {
                return new CardRead(null, refused);
            }
            JsonCursor data = root.object("data");
            Map<LimitPeriod, Money> remaining = new EnumMap<>(LimitPeriod.class);
            for (Map.Entry<String, LimitPeriod> field : LIMIT_FIELDS.entrySet()) {
                BigDecimal amount = data.nonNegative(field.getKey(), data.decimalString(field.getKey()));
                remaining.put(field.getValue(), data.money(field.getKey(), amount, USD));
            }
            Account card =
                    Account.of(sourceName(), ProviderType.AHRVO, AccountKind.CARD_SPENDING_LIMIT, cardId, cardId, USD);
            return new CardRead(new CardLimitObservation(card, remaining), null);
        } catch (MalformedResponseException e) {
            return new CardRead(null, ProviderFailures.malformed(LIMITS_ENDPOINT, cardId, e));
        }
    }

    /** Ahrvo reports failures in {@code code} too: anything but SUCCESS is an error, even with HTTP 200. */
    private static FetchFailure requireSuccessCode(JsonCursor root, String body, String endpoint, String externalId) {
        String code = root.text("code");
        if ("SUCCESS".equals(code)) {
            return null;
        }
        return new FetchFailure(
                endpoint,
                FailureKind.BAD_REQUEST,
                "code: expected SUCCESS, got '"
                        + (code.length() > 60 ? code.substring(0, 60) + "..." : code) + "' ("
                        + ProviderFailures.describeErrorBody(body) + ")",
                externalId);
    }

    private static Map<String, LimitPeriod> limitFields() {
        Map<String, LimitPeriod> fields = new LinkedHashMap<>();
        fields.put("daily_limit", LimitPeriod.DAILY);
        fields.put("weekly_limit", LimitPeriod.WEEKLY);
        fields.put("monthly_limit", LimitPeriod.MONTHLY);
        fields.put("lifetime_limit", LimitPeriod.LIFETIME);
        return Collections.unmodifiableMap(fields);
    }
}
