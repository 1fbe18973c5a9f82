package com.balancehistory.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Equals Money: a tree of budgets (one root, children and grandchildren), each with balances in one to three
 * currencies whose available amount moves into pending and settles. Requests need {@code Authorization: <api-key>}
 * (ApiKey scheme, Bearer or bare accepted) and page by limit and offset; amounts are JSON numbers, as Equals Money
 * documents its budget listing.
 */
final class EqualsMoneySimulation implements SimulatedProvider {

    static final String SAMPLE_BUDGET = "775596ae-2624-40af-a9dc-9756110a4a03";

    private static final String[] NAMES = {
        "Marketing", "Engineering", "Sales", "Travel", "Events", "Software", "Office", "Research"
    };
    private static final String[][] CURRENCIES = {{"USD"}, {"USD", "EUR"}, {"EUR", "GBP"}};

    private final List<Budget> budgets = new ArrayList<>();

    EqualsMoneySimulation(int count, long seed, Random random) {
        for (int i = 0; i < count; i++) {
            budgets.add(i == 0 ? sampleBudget() : randomBudget(i, seed, random));
        }
    }

    /** The documented sample row: its parentId is its own id, availableBalance 10, ledger 50, pending 40. */
    private static Budget sampleBudget() {
        Budget budget = new Budget(SAMPLE_BUDGET, "Team Party", SAMPLE_BUDGET, 1, "accountBalance", "active");
        budget.balances.put("USD", new Balance(1000, 4000, 1000));
        budget.balances.put("EUR", new Balance(250000, 12550, 0));
        budget.balances.put("GBP", new Balance(99999, 0, 0));
        return budget;
    }

    private Budget randomBudget(int i, long seed, Random random) {
        String id = UUID.nameUUIDFromBytes(("equals-budget-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8))
                .toString();
        boolean child = i <= 3;
        String parent = child ? SAMPLE_BUDGET : budgets.get((i - 1) % 3 + 1).id;
        String type = i % 2 == 0 ? "individual" : "shared";
        String status = i % 6 == 5 ? "inactive" : "active";
        Budget budget = new Budget(id, NAMES[i % NAMES.length] + " " + i, parent, child ? 2 : 3, type, status);
        for (String currency : CURRENCIES[i % CURRENCIES.length]) {
            long available = 10000 + random.nextInt(5_000_000);
            long pending = random.nextInt(20000);
            budget.balances.put(currency, new Balance(available, pending, 0));
        }
        return budget;
    }

    @Override
    public synchronized void tick(Instant at, long hoursSinceStart, Random random) {
        for (Budget budget : budgets) {
            for (Balance balance : budget.balances.values()) {
                if (random.nextInt(2) == 0) {
                    long spend = random.nextInt((int) Math.max(1, balance.available / 50));
                    balance.available -= spend;
                    balance.pending += spend;
                }
                balance.pending -= balance.pending / 2;
                if (balance.available < balance.initialAvailable / 20) {
                    balance.available = balance.initialAvailable;
                }
                balance.sequence++;
                balance.updatedAt = at;
            }
        }
    }

    /** {@code GET /v2/budgets?accountId=&limit=&offset=&include=balance}, its pages bent by the paging faults. */
    synchronized Answer budgets(RecordedRequest request, FaultInjector faults) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            return new Answer(401, "{\"message\":\"Unauthorized: no API key\"}");
        }
        String key = authorization.strip();
        for (String scheme : new String[] {"ApiKey ", "Bearer "}) {
            if (key.regionMatches(true, 0, scheme, 0, scheme.length())) {
                key = key.substring(scheme.length()).strip();
            }
        }
        if (!SimulatorCredentials.EQUALS_API_KEY.equals(key)) {
            return new Answer(403, "{\"message\":\"Forbidden: invalid API key or IP address not whitelisted\"}");
        }
        String accountId = request.queryParam("accountId");
        if (accountId == null || accountId.isBlank()) {
            return new Answer(400, "{\"message\":\"accountId is required\"}");
        }
        if (!SimulatorCredentials.EQUALS_ACCOUNT_ID.equals(accountId)) {
            return new Answer(404, "{\"message\":\"Account not found\"}");
        }
        int limit;
        int offset;
        try {
            limit = request.queryParam("limit") == null ? 100 : Integer.parseInt(request.queryParam("limit"));
            offset = request.queryParam("offset") == null ? 0 : Integer.parseInt(request.queryParam("offset"));
        } catch (NumberFormatException e) {
            return new Answer(400, "{\"message\":\"limit and offset must be integers\"}");
        }
        if (limit < 1 || limit > 1000 || offset < 0) {
            return new Answer(400, "{\"message\":\"limit must be 1..1000 and offset at least 0\"}");
        }
        String include = request.queryParam("include");
        boolean includeBalance = include != null && List.of(include.split(",")).contains("balance");
        int total = budgets.size();
        int count = total + faults.equalsCountInflation();
        int pageSize = Math.min(limit, faults.equalsMaxRowsPerPage());
        int from = Math.min(offset, total);
        int to = Math.min(total, from + pageSize);
        Integer emptyAt = faults.equalsEmptyPageAtOffset();
        if (emptyAt != null && emptyAt == offset) {
            to = from;
        }
        StringBuilder out = new StringBuilder("{\"limit\":")
                .append(limit)
                .append(",\"offset\":")
                .append(offset)
                .append(",\"count\":")
                .append(count)
                .append(",\"rows\":[");
        for (int i = from; i < to; i++) {
            out.append(i == from ? "" : ",");
            appendRow(out, i, accountId, includeBalance);
        }
        return new Answer(200, out.append("]}").toString());
    }

    // ---------------------------------------------------------------- JSON

    private void appendRow(StringBuilder out, int index, String accountId, boolean includeBalance) {
        Budget b = budgets.get(index);
        out.append("{\"id\":")
                .append(JsonText.str(b.id))
                .append(",\"boxId\":")
                .append(JsonText.str("box" + Integer.toHexString(b.id.hashCode())))
                .append(",\"name\":")
                .append(JsonText.str(b.name))
                .append(",\"accountId\":")
                .append(JsonText.str(accountId))
                .append(",\"parentId\":")
                .append(JsonText.str(b.parentId))
                .append(",\"feature\":[],\"currency\":[");
        int c = 0;
        for (String currency : b.balances.keySet()) {
            out.append(c++ == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(JsonText.str(b.id + "-" + currency))
                    .append(",\"budgetId\":")
                    .append(JsonText.str(b.id))
                    .append(",\"currencyCode\":")
                    .append(JsonText.str(currency))
                    .append(",\"local\":\"unique\",\"international\":\"unique\"}");
        }
        out.append(']');
        if (includeBalance) {
            out.append(",\"balance\":[");
            c = 0;
            for (Map.Entry<String, Balance> entry : b.balances.entrySet()) {
                out.append(c++ == 0 ? "" : ",");
                appendBalance(out, b, entry.getKey(), entry.getValue());
            }
            out.append(']');
        }
        out.append(",\"priority\":")
                .append(index + 1)
                .append(",\"level\":")
                .append(b.level)
                .append(",\"type\":")
                .append(JsonText.str(b.type))
                .append(",\"status\":")
                .append(JsonText.str(b.status))
                .append(",\"allowCurrencyAlignment\":true")
                .append(",\"createdAt\":\"2019-08-24T14:15:22Z\",\"updatedAt\":\"2019-08-24T14:15:22Z\"}");
    }

    private static void appendBalance(StringBuilder out, Budget b, String currency, Balance bal) {
        String code = JsonText.str(currency);
        long ledger = bal.available + bal.pending;
        out.append("{\"id\":")
                .append(JsonText.str("bal-" + b.id + "-" + currency))
                .append(",\"currencyCode\":")
                .append(code)
                .append(",\"availableBalance\":")
                .append(number(bal.available))
                .append(",\"lastUpdatedSequentialId\":")
                .append(bal.sequence)
                .append(",\"currency\":")
                .append(code)
                .append(",\"BudgetId\":")
                .append(JsonText.str(b.id))
                .append(",\"budgetId\":")
                .append(JsonText.str(b.id))
                .append(",\"ledgerBalance\":")
                .append(number(ledger))
                .append(",\"pendingBalance\":")
                .append(number(bal.pending))
                .append(",\"allocatedBalance\":")
                .append(number(bal.allocated))
                .append(",\"ledgerAndAllocatedBalance\":")
                .append(number(ledger + bal.allocated))
                .append(",\"activeCurrencyOnBudget\":true")
                .append(",\"createdAt\":\"2019-08-24T14:15:22Z\"")
                .append(",\"updatedAt\":")
                .append(JsonText.str(bal.updatedAt.toString()))
                .append('}');
    }

    /** Equals writes amounts as JSON numbers without trailing zeros: {@code 10}, {@code 12.5}, {@code 0.01}. */
    private static String number(long cents) {
        BigDecimal value = BigDecimal.valueOf(cents, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : value.toPlainString();
    }

    // ---------------------------------------------------------------- state

    private static final class Budget {
        final String id;
        final String name;
        final String parentId;
        final int level;
        final String type;
        final String status;
        final Map<String, Balance> balances = new LinkedHashMap<>();

        Budget(String id, String name, String parentId, int level, String type, String status) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
            this.level = level;
            this.type = type;
            this.status = status;
        }
    }

    private static final class Balance {
        final long initialAvailable;
        long available;
        long pending;
        final long allocated;
        long sequence;
        Instant updatedAt = Instant.parse("2019-08-24T14:15:22Z");

        Balance(long available, long pending, long allocated) {
            this.initialAvailable = available;
            this.available = available;
            this.pending = pending;
            this.allocated = allocated;
        }
    }
}
