package com.balancehistory.simulator;

import com.balancehistory.simulator.AhrvoCard.Limit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Ahrvo: budget accounts in USD, EUR and GBP that spend down and get topped up, and cards whose limits are consumed
 * and reset. Requests need {@code Authorization: Bearer <access-token>} and {@code x-api-key}, and every body carries
 * a {@code code} (documents: ahrvo-*.txt).
 */
final class AhrvoSimulation implements SimulatedProvider {

    private final List<Budget> budgets = new ArrayList<>();
    private final Map<String, AhrvoCard> cards = new LinkedHashMap<>();

    AhrvoSimulation(int cardCount, Random random) {
        budgets.add(new Budget("ci202507232016182661", "Marketing Department Budget", "USD", 4525075));
        budgets.add(new Budget("ci202507232016182662", "Engineering Team Budget", "USD", 7890000));
        budgets.add(new Budget("ci202507232016182663", "Travel Expenses", "USD", 1250050));
        budgets.add(new Budget("ci202507232016182664", "Berlin Office Budget", "EUR", 2040000));
        budgets.add(new Budget("ci202507232016182665", "London Events Budget", "GBP", 980025));
        long base = 201907021723076245L;
        for (int i = 0; i < cardCount; i++) {
            cards.put("card" + (base + i), i == 0 ? sampleCard() : randomCard(random));
        }
    }

    /** Remaining 1500.00 / 5000.00 / 18000.00 / 95000.00, as in the Ahrvo sample. */
    private static AhrvoCard sampleCard() {
        return new AhrvoCard(
                new Limit(200000, 50000),
                new Limit(800000, 300000),
                new Limit(3000000, 1200000),
                new Limit(20000000, 10500000));
    }

    private static AhrvoCard randomCard(Random random) {
        long daily = (1 + random.nextInt(4)) * 50000L;
        long spentDaily = random.nextInt((int) (daily / 100)) * 100L / 2;
        return new AhrvoCard(
                new Limit(daily, spentDaily),
                new Limit(daily * 4, spentDaily * 2),
                new Limit(daily * 15, spentDaily * 5),
                new Limit(daily * 100, spentDaily * 20));
    }

    @Override
    public synchronized void tick(Instant at, long hoursSinceStart, Random random) {
        for (Budget budget : budgets) {
            if (random.nextInt(10) < 6) {
                budget.cents -= Math.min(budget.cents, random.nextInt((int) Math.max(1, budget.cents / 300)));
            }
            if (budget.cents < budget.initialCents / 5) {
                budget.cents = budget.initialCents;
            }
        }
        for (AhrvoCard card : cards.values()) {
            if (random.nextInt(10) < 3) {
                long spend = random.nextInt((int) Math.max(1, card.daily.totalCents / 10));
                card.spend(Math.min(spend, card.spendable()));
            }
            card.resetPeriodsEndingAt(hoursSinceStart);
        }
    }

    // ---------------------------------------------------------------- test switches

    synchronized List<String> cardIds() {
        return List.copyOf(cards.keySet());
    }

    synchronized void clearBudgets() {
        budgets.clear();
    }

    synchronized void addCard(String id, AhrvoCard card) {
        cards.put(id, card);
    }

    synchronized void removeCard(String id) {
        cards.remove(id);
    }

    // ---------------------------------------------------------------- handlers

    /** {@code GET .../budget/v2/balance/all}: 404 when no budget exists. */
    synchronized Answer budgets(RecordedRequest request) {
        Answer denied = deniedUnlessAuthenticated(request);
        if (denied != null) {
            return denied;
        }
        if (budgets.isEmpty()) {
            return new Answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"No budget accounts exist\"}");
        }
        return new Answer(200, budgetsJson());
    }

    /** {@code GET .../share-card-remaining-limit?card_id=}: 400 for a missing or malformed id, 404 for no card. */
    synchronized Answer cardLimits(RecordedRequest request, String cardId) {
        Answer denied = deniedUnlessAuthenticated(request);
        if (denied != null) {
            return denied;
        }
        if (cardId == null || !cardId.matches("[A-Za-z0-9_-]{1,64}")) {
            return new Answer(400, "{\"code\":\"INVALID_PARAMETER\",\"message\":\"Invalid card_id parameter\"}");
        }
        AhrvoCard card = cards.get(cardId);
        if (card == null) {
            return new Answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"Card does not exist\"}");
        }
        return new Answer(200, cardLimitsJson(card));
    }

    private static Answer deniedUnlessAuthenticated(RecordedRequest request) {
        boolean tokenOk = ("Bearer " + SimulatorCredentials.AHRVO_ACCESS_TOKEN).equals(request.header("authorization"));
        boolean keyOk = SimulatorCredentials.AHRVO_API_KEY.equals(request.header("x-api-key"));
        if (!tokenOk || !keyOk) {
            return new Answer(
                    401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid or missing authentication token\"}");
        }
        return null;
    }

    // ---------------------------------------------------------------- JSON

    private String budgetsJson() {
        StringBuilder out = new StringBuilder("{\"code\":\"SUCCESS\",\"data\":[");
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"budget_id\":")
                    .append(JsonText.str(b.id))
                    .append(",\"budget_name\":")
                    .append(JsonText.str(b.name))
                    .append(",\"balance\":")
                    .append(JsonText.str(JsonText.cents(b.cents)))
                    .append(",\"currency\":")
                    .append(JsonText.str(b.currency))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    private static String cardLimitsJson(AhrvoCard card) {
        return "{\"code\":\"SUCCESS\",\"data\":{"
                + "\"daily_limit\":" + remaining(card.daily)
                + ",\"weekly_limit\":" + remaining(card.weekly)
                + ",\"monthly_limit\":" + remaining(card.monthly)
                + ",\"lifetime_limit\":" + remaining(card.lifetime) + "}}";
    }

    private static String remaining(Limit limit) {
        return JsonText.str(JsonText.cents(limit.remaining()));
    }

    // ---------------------------------------------------------------- state

    private static final class Budget {
        final String id;
        final String name;
        final String currency;
        final long initialCents;
        long cents;

        Budget(String id, String name, String currency, long cents) {
            this.id = id;
            this.name = name;
            this.currency = currency;
            this.initialCents = cents;
            this.cents = cents;
        }
    }
}
