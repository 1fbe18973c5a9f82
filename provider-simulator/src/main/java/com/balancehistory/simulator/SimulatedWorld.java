package com.balancehistory.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated state of all five providers and how it evolves. Time moves in whole simulated hours: on each hourly
 * tick budgets spend down and get topped up, cards consume limits that reset every 24 hours, 7 days and 30 days
 * (Ahrvo's "monthly" is a rolling 30 days), grants deplete and the Holyheld card spends and gets topped up. Every
 * random choice comes from one seeded {@link Random} consumed tick by tick, so the same seed and the same simulated
 * time give the same state however time was advanced. All amounts are exact cents.
 */
final class SimulatedWorld {

    static final String SAMPLE_CARD = "card201907021723076245";
    static final String SAMPLE_EQUALS_BUDGET = "775596ae-2624-40af-a9dc-9756110a4a03";
    static final String SAMPLE_GRANT = "grnt_01HXYZ";

    private final Random random;
    private final Instant start;
    private Instant now;
    private Instant nextTick;
    private long ticks;

    final List<AhrvoBudget> ahrvoBudgets = new ArrayList<>();
    final Map<String, Card> cards = new LinkedHashMap<>();
    final List<EqualsBudget> equalsBudgets = new ArrayList<>();
    final Map<String, Grant> grants = new LinkedHashMap<>();
    long holyheldCents = 9420;
    private boolean grantexAmountsAsStrings;

    SimulatedWorld(SimulatorSettings settings) {
        this.random = new Random(settings.seed());
        this.start = settings.start();
        this.now = settings.start();
        this.nextTick = settings.start().plus(Duration.ofHours(1));
        this.grantexAmountsAsStrings = settings.grantexAmountsAsStrings();
        seedAhrvo(settings.ahrvoCards());
        seedEquals(settings.equalsBudgets(), settings.seed());
        seedGrantex();
    }

    // ---------------------------------------------------------------- seed data (the documented samples first)

    private void seedAhrvo(int cardCount) {
        ahrvoBudgets.add(new AhrvoBudget("ci202507232016182661", "Marketing Department Budget", "USD", 4525075));
        ahrvoBudgets.add(new AhrvoBudget("ci202507232016182662", "Engineering Team Budget", "USD", 7890000));
        ahrvoBudgets.add(new AhrvoBudget("ci202507232016182663", "Travel Expenses", "USD", 1250050));
        ahrvoBudgets.add(new AhrvoBudget("ci202507232016182664", "Berlin Office Budget", "EUR", 2040000));
        ahrvoBudgets.add(new AhrvoBudget("ci202507232016182665", "London Events Budget", "GBP", 980025));
        long base = 201907021723076245L;
        for (int i = 0; i < cardCount; i++) {
            String id = "card" + (base + i);
            Card card;
            if (i == 0) {
                // remaining 1500.00 / 5000.00 / 18000.00 / 95000.00 as in the Ahrvo sample
                card = new Card(
                        id, new long[] {200000, 800000, 3000000, 20000000}, new long[] {50000, 300000, 1200000, 10500000
                        });
            } else {
                long daily = (1 + random.nextInt(4)) * 50000L;
                long[] totals = {daily, daily * 4, daily * 15, daily * 100};
                long spentDaily = random.nextInt((int) (daily / 100)) * 100L / 2;
                long[] spent = {spentDaily, spentDaily * 2, spentDaily * 5, spentDaily * 20};
                card = new Card(id, totals, spent);
            }
            cards.put(id, card);
        }
    }

    private void seedEquals(int count, long seed) {
        String[] names = {"Marketing", "Engineering", "Sales", "Travel", "Events", "Software", "Office", "Research"};
        String[][] currencies = {{"USD"}, {"USD", "EUR"}, {"EUR", "GBP"}};
        for (int i = 0; i < count; i++) {
            EqualsBudget budget;
            if (i == 0) {
                // the documented sample row: its parentId is its own id, availableBalance 10, ledger 50, pending 40
                budget = new EqualsBudget(
                        SAMPLE_EQUALS_BUDGET, "Team Party", SAMPLE_EQUALS_BUDGET, 1, "accountBalance", "active");
                budget.balances.put("USD", new EqualsBalance(1000, 4000, 1000));
                budget.balances.put("EUR", new EqualsBalance(250000, 12550, 0));
                budget.balances.put("GBP", new EqualsBalance(99999, 0, 0));
            } else {
                String id = UUID.nameUUIDFromBytes(("equals-budget-" + seed + "-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                boolean child = i <= 3;
                String parent = child ? SAMPLE_EQUALS_BUDGET : equalsBudgets.get((i - 1) % 3 + 1).id;
                String type = i % 2 == 0 ? "individual" : "shared";
                String status = i % 6 == 5 ? "inactive" : "active";
                budget = new EqualsBudget(id, names[i % names.length] + " " + i, parent, child ? 2 : 3, type, status);
                for (String currency : currencies[i % currencies.length]) {
                    long available = 10000 + random.nextInt(5_000_000);
                    long pending = random.nextInt(20000);
                    budget.balances.put(currency, new EqualsBalance(available, pending, 0));
                }
            }
            equalsBudgets.add(budget);
        }
    }

    private void seedGrantex() {
        Instant created = Instant.parse("2026-04-05T12:00:00Z");
        Instant updated = Instant.parse("2026-04-05T14:30:00Z");
        grants.put(SAMPLE_GRANT, new Grant("ba_01HXYZ", SAMPLE_GRANT, 10000, 9450, "USD", created, updated));
        grants.put("grnt_01HXZB", new Grant("ba_01HXZB", "grnt_01HXZB", 25000, 25000, "USD", created, created));
        grants.put("grnt_01HXZC", new Grant("ba_01HXZC", "grnt_01HXZC", 50000, 42000, "EUR", created, updated));
    }

    // ---------------------------------------------------------------- evolution

    synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        evolveTo(now.plus(duration));
    }

    synchronized void evolveTo(Instant target) {
        while (!nextTick.isAfter(target)) {
            tick(nextTick);
            nextTick = nextTick.plus(Duration.ofHours(1));
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }

    private void tick(Instant at) {
        ticks++;
        for (AhrvoBudget budget : ahrvoBudgets) {
            if (random.nextInt(10) < 6) {
                budget.cents -= Math.min(budget.cents, random.nextInt((int) Math.max(1, budget.cents / 300)));
            }
            if (budget.cents < budget.initialCents / 5) {
                budget.cents = budget.initialCents;
            }
        }
        long hours = Duration.between(start, at).toHours();
        for (Card card : cards.values()) {
            if (random.nextInt(10) < 3) {
                long spend = random.nextInt((int) Math.max(1, card.totals[0] / 10));
                spend = Math.min(spend, card.minRemaining());
                for (int p = 0; p < 4; p++) {
                    card.spent[p] += spend;
                }
            }
            if (hours % 24 == 0) {
                card.spent[0] = 0;
            }
            if (hours % (24 * 7) == 0) {
                card.spent[1] = 0;
            }
            if (hours % (24 * 30) == 0) {
                card.spent[2] = 0;
            }
        }
        for (EqualsBudget budget : equalsBudgets) {
            for (EqualsBalance balance : budget.balances.values()) {
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
        for (Grant grant : grants.values()) {
            if (grant.remainingCents > 0 && random.nextInt(10) < 4) {
                long spend =
                        Math.min(grant.remainingCents, 1 + random.nextInt((int) Math.max(1, grant.initialCents / 50)));
                grant.remainingCents -= spend;
                grant.updatedAt = at;
            }
        }
        if (random.nextInt(2) == 0) {
            holyheldCents -= Math.min(holyheldCents, random.nextInt(500));
        }
        if (holyheldCents < 2000) {
            holyheldCents += 5000;
        }
    }

    // ---------------------------------------------------------------- test switches

    synchronized void clearAhrvoBudgets() {
        ahrvoBudgets.clear();
    }

    synchronized void setHolyheldBalance(BigDecimal eur) {
        holyheldCents = eur.movePointRight(2).longValueExact();
    }

    synchronized void setGrantexAmountsAsStrings(boolean asStrings) {
        grantexAmountsAsStrings = asStrings;
    }

    synchronized void addCard(String id, long[] totalsCents) {
        cards.put(id, new Card(id, totalsCents.clone(), new long[4]));
    }

    synchronized void removeCard(String id) {
        cards.remove(id);
    }

    // ---------------------------------------------------------------- rendering (hand-written JSON)

    synchronized boolean hasAhrvoBudgets() {
        return !ahrvoBudgets.isEmpty();
    }

    synchronized String ahrvoBudgetsJson() {
        StringBuilder out = new StringBuilder("{\"code\":\"SUCCESS\",\"data\":[");
        for (int i = 0; i < ahrvoBudgets.size(); i++) {
            AhrvoBudget b = ahrvoBudgets.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"budget_id\":")
                    .append(JsonText.str(b.id))
                    .append(",\"budget_name\":")
                    .append(JsonText.str(b.name))
                    .append(",\"balance\":")
                    .append(JsonText.str(cents(b.cents)))
                    .append(",\"currency\":")
                    .append(JsonText.str(b.currency))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    synchronized boolean hasCard(String id) {
        return cards.containsKey(id);
    }

    synchronized String cardLimitsJson(String id) {
        Card card = cards.get(id);
        return "{\"code\":\"SUCCESS\",\"data\":{"
                + "\"daily_limit\":" + JsonText.str(cents(card.remaining(0)))
                + ",\"weekly_limit\":" + JsonText.str(cents(card.remaining(1)))
                + ",\"monthly_limit\":" + JsonText.str(cents(card.remaining(2)))
                + ",\"lifetime_limit\":" + JsonText.str(cents(card.remaining(3))) + "}}";
    }

    synchronized int equalsBudgetCount() {
        return equalsBudgets.size();
    }

    synchronized String equalsPageJson(
            String accountId, int limit, int offset, int count, int from, int to, boolean includeBalance) {
        StringBuilder out = new StringBuilder("{\"limit\":")
                .append(limit)
                .append(",\"offset\":")
                .append(offset)
                .append(",\"count\":")
                .append(count)
                .append(",\"rows\":[");
        for (int i = from; i < to; i++) {
            EqualsBudget b = equalsBudgets.get(i);
            out.append(i == from ? "" : ",")
                    .append("{\"id\":")
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
                for (Map.Entry<String, EqualsBalance> entry : b.balances.entrySet()) {
                    EqualsBalance bal = entry.getValue();
                    String code = JsonText.str(entry.getKey());
                    long ledger = bal.available + bal.pending;
                    out.append(c++ == 0 ? "" : ",")
                            .append("{\"id\":")
                            .append(JsonText.str("bal-" + b.id + "-" + entry.getKey()))
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
                out.append(']');
            }
            out.append(",\"priority\":")
                    .append(i + 1)
                    .append(",\"level\":")
                    .append(b.level)
                    .append(",\"type\":")
                    .append(JsonText.str(b.type))
                    .append(",\"status\":")
                    .append(JsonText.str(b.status))
                    .append(",\"allowCurrencyAlignment\":true")
                    .append(",\"createdAt\":\"2019-08-24T14:15:22Z\",\"updatedAt\":\"2019-08-24T14:15:22Z\"}");
        }
        return out.append("]}").toString();
    }

    synchronized boolean hasGrant(String grantId) {
        return grants.containsKey(grantId);
    }

    synchronized String grantJson(String grantId) {
        Grant g = grants.get(grantId);
        return "{\"id\":" + JsonText.str(g.id)
                + ",\"grantId\":" + JsonText.str(g.grantId)
                + ",\"initialBudget\":" + grantAmount(g.initialCents)
                + ",\"remainingBudget\":" + grantAmount(g.remainingCents)
                + ",\"currency\":" + JsonText.str(g.currency)
                + ",\"createdAt\":" + JsonText.str(millis(g.createdAt))
                + ",\"updatedAt\":" + JsonText.str(millis(g.updatedAt)) + "}";
    }

    synchronized String holyheldJson() {
        return "{\"status\":\"ok\",\"payload\":{\"balance\":" + JsonText.str(cents(holyheldCents)) + "}}";
    }

    private String grantAmount(long cents) {
        // the live server sends PostgreSQL NUMERIC(18,4) text; the documentation shows numbers such as 94.50
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        return grantexAmountsAsStrings
                ? JsonText.str(amount.setScale(4, RoundingMode.UNNECESSARY).toPlainString())
                : amount.toPlainString();
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** Equals writes amounts as JSON numbers without trailing zeros: {@code 10}, {@code 12.5}, {@code 0.01}. */
    private static String number(long cents) {
        BigDecimal value = BigDecimal.valueOf(cents, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : value.toPlainString();
    }

    private static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** ISO-8601 with milliseconds, as Grantex writes it: {@code 2026-04-05T14:30:00.000Z}. */
    private static String millis(Instant instant) {
        return MILLIS.format(instant);
    }

    // ---------------------------------------------------------------- state types

    static final class AhrvoBudget {
        final String id;
        final String name;
        final String currency;
        final long initialCents;
        long cents;

        AhrvoBudget(String id, String name, String currency, long cents) {
            this.id = id;
            this.name = name;
            this.currency = currency;
            this.initialCents = cents;
            this.cents = cents;
        }
    }

    static final class Card {
        final String id;
        /** daily, weekly, monthly (rolling 30 days), lifetime. */
        final long[] totals;

        final long[] spent;

        Card(String id, long[] totals, long[] spent) {
            this.id = id;
            this.totals = totals;
            this.spent = spent;
        }

        long remaining(int period) {
            return Math.max(0, totals[period] - spent[period]);
        }

        long minRemaining() {
            long min = Long.MAX_VALUE;
            for (int p = 0; p < 4; p++) {
                min = Math.min(min, remaining(p));
            }
            return min;
        }
    }

    static final class EqualsBudget {
        final String id;
        final String name;
        final String parentId;
        final int level;
        final String type;
        final String status;
        final Map<String, EqualsBalance> balances = new LinkedHashMap<>();

        EqualsBudget(String id, String name, String parentId, int level, String type, String status) {
            this.id = id;
            this.name = name;
            this.parentId = parentId;
            this.level = level;
            this.type = type;
            this.status = status;
        }
    }

    static final class EqualsBalance {
        final long initialAvailable;
        long available;
        long pending;
        final long allocated;
        long sequence;
        Instant updatedAt = Instant.parse("2019-08-24T14:15:22Z");

        EqualsBalance(long available, long pending, long allocated) {
            this.initialAvailable = available;
            this.available = available;
            this.pending = pending;
            this.allocated = allocated;
        }
    }

    static final class Grant {
        final String id;
        final String grantId;
        final long initialCents;
        long remainingCents;
        final String currency;
        final Instant createdAt;
        Instant updatedAt;

        Grant(
                String id,
                String grantId,
                long initialCents,
                long remainingCents,
                String currency,
                Instant createdAt,
                Instant updatedAt) {
            this.id = id;
            this.grantId = grantId;
            this.initialCents = initialCents;
            this.remainingCents = remainingCents;
            this.currency = currency;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
        }
    }
}
