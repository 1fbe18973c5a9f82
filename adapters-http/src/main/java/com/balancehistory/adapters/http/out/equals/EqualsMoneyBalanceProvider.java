package com.balancehistory.adapters.http.out.equals;

import com.balancehistory.adapters.http.out.common.FetchResults;
import com.balancehistory.adapters.http.out.common.HttpBalanceProvider;
import com.balancehistory.adapters.http.out.common.HttpOutcome;
import com.balancehistory.adapters.http.out.common.JsonCursor;
import com.balancehistory.adapters.http.out.common.JsonListing;
import com.balancehistory.adapters.http.out.common.ListingLimits;
import com.balancehistory.adapters.http.out.common.MalformedResponseException;
import com.balancehistory.adapters.http.out.common.ProviderFailures;
import com.balancehistory.adapters.http.out.common.ProviderRuntime;
import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.FetchFailure;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.account.BalanceObservation;
import com.balancehistory.domain.account.Balances;
import com.balancehistory.domain.account.Labels;
import com.balancehistory.domain.account.ProviderType;
import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Equals Money account's budgets: {@code GET /v2/budgets} with
 * {@code accountId}, {@code limit}, {@code offset} and {@code include=balance}, page after page until {@code count}
 * rows are read. One balance series per budget <em>and</em> currency: every element of {@code balance[]} becomes an
 * account {@code <budgetId>-<currencyCode>} with available, ledger, pending and allocated balances. Amounts are JSON
 * numbers and are read exactly as {@link BigDecimal} (numeric strings are accepted too).
 *
 * <p>Paging never loops forever: a listing that needs more than {@code max-pages} pages or holds more than
 * {@code max-accounts} accounts fails the poll and records none of it ({@link ListingLimits}); the offset moves by the rows actually received (a short page is fine), and an
 * empty page before {@code count} is reached ends the listing as incomplete, so BUDGET is then not reported as fully
 * listed (budgets missing from an incomplete list are not gone). A later page that fails also leaves the listing
 * incomplete; the first page failing, or any malformed page, fails the source. A malformed row is that budget's
 * failure (the poll is {@code partial}, the other budgets are recorded).
 *
 * <p>Hierarchy: the budget's {@code parentId} becomes the account's parent external id (the parent <em>budget</em>
 * id; the reference sample's root budget names itself as parent, which is read as no parent). Attributes keep
 * {@code type}, {@code status}, {@code budgetId}, {@code level} and {@code parentBudgetId}. The hierarchy also gives
 * labels: {@code parent} (the parent budget's name) and {@code parent-id}, see {@link #withParentLabels}.
 */
public final class EqualsMoneyBalanceProvider extends HttpBalanceProvider {

    static final String PATH = "/v2/budgets";
    /** Endpoint name in failures. */
    public static final String ENDPOINT = "GET " + PATH;

    /** Label keys of the budget hierarchy. */
    public static final String PARENT_LABEL = "parent";

    public static final String PARENT_ID_LABEL = "parent-id";

    private final EqualsSettings settings;
    private final ListingLimits limits;
    private final Map<String, String> headers;

    public EqualsMoneyBalanceProvider(EqualsSettings settings, ProviderRuntime runtime) {
        this(settings, ListingLimits.DEFAULTS, runtime);
    }

    public EqualsMoneyBalanceProvider(EqualsSettings settings, ListingLimits limits, ProviderRuntime runtime) {
        super(settings.source(), ProviderType.EQUALS_MONEY, settings.http(), runtime, List.of(settings.apiKey()));
        this.settings = settings;
        this.limits = limits;
        this.headers = Map.of("Authorization", settings.authScheme().headerValue(settings.apiKey()));
    }

    @Override
    protected String primaryEndpoint() {
        return ENDPOINT;
    }

    @Override
    protected FetchResult fetchNow() {
        List<RawResponse> raws = new ArrayList<>();
        List<BalanceObservation> balances = new ArrayList<>();
        List<FetchFailure> notes = new ArrayList<>();
        List<FetchFailure> budgetFailures = new ArrayList<>();
        Map<String, String> budgetNames = new HashMap<>();
        boolean complete = false;
        long offset = 0;
        for (int page = 0; page < limits.maxPages(); page++) {
            String query = "accountId=" + URLEncoder.encode(settings.accountId(), StandardCharsets.UTF_8) + "&limit="
                    + settings.pageSize() + "&offset=" + offset + "&include=balance";
            HttpOutcome outcome =
                    http.get(URI.create(settings.baseUri() + PATH + "?" + query), headers, ENDPOINT + "?" + query);
            raws.addAll(outcome.rawResponses());
            if (!outcome.isSuccess()) {
                FetchFailure failure = ProviderFailures.of(outcome, ENDPOINT, null);
                if (page == 0) {
                    return new FetchResult.Failed(sourceName(), failure, raws);
                }
                notes.add(new FetchFailure(
                        ENDPOINT,
                        failure.kind(),
                        "listing incomplete: page at offset " + offset + " failed: " + failure.reason(),
                        null));
                break;
            }
            long count;
            int rows;
            try {
                long pageOffset = offset;
                JsonListing listing = JsonListing.read(outcome.body(), "rows", Integer.MAX_VALUE, row -> {
                    if (balances.size() > limits.maxAccounts()) {
                        return; // the poll fails below: nothing more of the listing is held
                    }
                    try {
                        readBudget(row, balances, budgetNames);
                    } catch (MalformedResponseException e) {
                        String id = row.idOr("id", row.path() + " at offset " + pageOffset);
                        budgetFailures.add(ProviderFailures.malformed(ENDPOINT, id, e));
                    }
                });
                JsonCursor root = listing.root();
                count = root.integer("count");
                if (count < 0) {
                    throw root.error("count", "must not be negative, got " + count);
                }
                rows = listing.size();
                if (balances.size() > limits.maxAccounts()) {
                    return new FetchResult.Failed(
                            sourceName(),
                            FetchFailure.ofSource(
                                    ENDPOINT,
                                    FailureKind.MALFORMED_RESPONSE,
                                    limits.tooManyAccounts("the budget listing")),
                            raws);
                }
            } catch (MalformedResponseException e) {
                FetchFailure failure = ProviderFailures.malformed(ENDPOINT, null, e);
                return new FetchResult.Failed(
                        sourceName(),
                        new FetchFailure(
                                ENDPOINT, failure.kind(), "page at offset " + offset + ": " + failure.reason(), null),
                        raws);
            }
            offset += rows;
            if (offset >= count) {
                complete = true;
                break;
            }
            if (rows == 0) {
                notes.add(new FetchFailure(
                        ENDPOINT,
                        FailureKind.MALFORMED_RESPONSE,
                        "listing incomplete: page at offset " + offset + " was empty although count is " + count,
                        null));
                break;
            }
        }
        if (!complete && notes.isEmpty()) {
            return new FetchResult.Failed(
                    sourceName(),
                    FetchFailure.ofSource(
                            ENDPOINT, FailureKind.MALFORMED_RESPONSE, limits.tooManyPages("the budget listing")),
                    raws);
        }
        // a budget that failed on its own is not gone, so a listing with one is not taken as complete
        Set<AccountKind> fullyListed = complete && budgetFailures.isEmpty()
                ? EnumSet.of(AccountKind.BUDGET)
                : EnumSet.noneOf(AccountKind.class);
        notes.addAll(budgetFailures);
        return FetchResults.assemble(
                sourceName(),
                !balances.isEmpty() || notes.isEmpty(),
                withParentLabels(balances, budgetNames),
                List.of(),
                notes,
                fullyListed,
                raws);
    }

    /**
     * The budget hierarchy as labels: a budget with a parent gets {@code parent} (the parent budget's name, read from
     * the parent's own row in the listing; its id while that row was not read) and {@code parent-id}.
     */
    static List<BalanceObservation> withParentLabels(
            List<BalanceObservation> balances, Map<String, String> budgetNames) {
        List<BalanceObservation> labelled = new ArrayList<>(balances.size());
        for (BalanceObservation observation : balances) {
            Account account = observation.account();
            Optional<String> parent = account.parentExternalId();
            if (parent.isEmpty()) {
                labelled.add(observation);
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>(account.labels().values());
            labels.put(PARENT_LABEL, budgetNames.getOrDefault(parent.get(), parent.get()));
            labels.put(PARENT_ID_LABEL, parent.get());
            labelled.add(new BalanceObservation(
                    account.withLabels(Labels.of(labels)), observation.balances(), observation.providerAsOf()));
        }
        return labelled;
    }

    /** Every currency of one budget row, or none of them when the row is malformed. */
    private void readBudget(JsonCursor row, List<BalanceObservation> out, Map<String, String> budgetNames) {
        List<BalanceObservation> read = new ArrayList<>();
        String budgetId = row.text("id");
        String name = row.optionalText("name").orElse(budgetId);
        Optional<String> parentId = row.optionalText("parentId")
                .filter(parent -> !parent.isBlank())
                .filter(parent -> !parent.equals(budgetId));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("budgetId", budgetId);
        row.optionalText("type").ifPresent(type -> attributes.put("type", type));
        row.optionalText("status").ifPresent(status -> attributes.put("status", status));
        row.optionalInteger("level").ifPresent(level -> attributes.put("level", Long.toString(level)));
        parentId.ifPresent(parent -> attributes.put("parentBudgetId", parent));
        for (JsonCursor balance : row.objects("balance")) {
            Currency currency = balance.currency("currencyCode");
            String externalId = budgetId + "-" + currency.getCurrencyCode();
            Money available = balance.money("availableBalance", balance.decimal("availableBalance"), currency);
            Optional<Money> ledger = optionalMoney(balance, "ledgerBalance", currency);
            Optional<Money> pending = optionalMoney(balance, "pendingBalance", currency);
            Optional<Money> allocated = optionalMoney(balance, "allocatedBalance", currency);
            Optional<Instant> asOf =
                    balance.has("updatedAt") ? Optional.of(balance.instant("updatedAt")) : Optional.empty();
            Account account = Account.of(
                            sourceName(),
                            ProviderType.EQUALS_MONEY,
                            AccountKind.BUDGET,
                            externalId,
                            name + " (" + currency.getCurrencyCode() + ")",
                            currency)
                    .withParent(parentId.orElse(null))
                    .withAttributes(attributes);
            read.add(new BalanceObservation(
                    account, new Balances(available, ledger, pending, allocated, Optional.empty()), asOf));
        }
        out.addAll(read);
        budgetNames.put(budgetId, name);
    }

    private static Optional<Money> optionalMoney(JsonCursor balance, String field, Currency currency) {
        return balance.optionalDecimal(field).map(amount -> balance.money(field, amount, currency));
    }
}
