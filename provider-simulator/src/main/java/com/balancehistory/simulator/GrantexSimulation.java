package com.balancehistory.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grantex: grant budget allocations that deplete. Requests need {@code Authorization: Bearer <api-key>}; errors are
 * {@code {message, code, requestId}}, as Grantex documents its budget-balance route.
 */
final class GrantexSimulation implements SimulatedProvider {

    static final String SAMPLE_GRANT = "grnt_01HXYZ";

    /** ISO-8601 with milliseconds, as Grantex writes it: {@code 2026-04-05T14:30:00.000Z}. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final AtomicLong requestIds = new AtomicLong(1000);
    private boolean amountsAsStrings;

    GrantexSimulation(boolean amountsAsStrings) {
        this.amountsAsStrings = amountsAsStrings;
        Instant created = Instant.parse("2026-04-05T12:00:00Z");
        Instant updated = Instant.parse("2026-04-05T14:30:00Z");
        grants.put(SAMPLE_GRANT, new Grant("ba_01HXYZ", SAMPLE_GRANT, 10000, 9450, "USD", created, updated));
        grants.put("grnt_01HXZB", new Grant("ba_01HXZB", "grnt_01HXZB", 25000, 25000, "USD", created, created));
        grants.put("grnt_01HXZC", new Grant("ba_01HXZC", "grnt_01HXZC", 50000, 42000, "EUR", created, updated));
    }

    @Override
    public synchronized void tick(Instant at, long hoursSinceStart, Random random) {
        for (Grant grant : grants.values()) {
            if (grant.remainingCents > 0 && random.nextInt(10) < 4) {
                long spend =
                        Math.min(grant.remainingCents, 1 + random.nextInt((int) Math.max(1, grant.initialCents / 50)));
                grant.remainingCents -= spend;
                grant.updatedAt = at;
            }
        }
    }

    synchronized List<String> grantIds() {
        return List.copyOf(grants.keySet());
    }

    synchronized void setAmountsAsStrings(boolean asStrings) {
        amountsAsStrings = asStrings;
    }

    /** {@code GET /v1/budget/balance/{grantId}}: 404 for a grant without an allocation. */
    synchronized Answer balance(RecordedRequest request, String grantId) {
        String requestId = "req_" + requestIds.incrementAndGet();
        if (!("Bearer " + SimulatorCredentials.GRANTEX_API_KEY).equals(request.header("authorization"))) {
            return new Answer(
                    401,
                    "{\"message\":\"Invalid or missing API key\",\"code\":\"UNAUTHORIZED\",\"requestId\":"
                            + JsonText.str(requestId) + "}");
        }
        Grant g = grants.get(grantId);
        if (g == null) {
            return new Answer(
                    404,
                    "{\"message\":\"No budget allocation found for this grant\",\"code\":\"NOT_FOUND\","
                            + "\"requestId\":" + JsonText.str(requestId) + "}");
        }
        return new Answer(
                200,
                "{\"id\":" + JsonText.str(g.id)
                        + ",\"grantId\":" + JsonText.str(g.grantId)
                        + ",\"initialBudget\":" + amount(g.initialCents)
                        + ",\"remainingBudget\":" + amount(g.remainingCents)
                        + ",\"currency\":" + JsonText.str(g.currency)
                        + ",\"createdAt\":" + JsonText.str(MILLIS.format(g.createdAt))
                        + ",\"updatedAt\":" + JsonText.str(MILLIS.format(g.updatedAt)) + "}");
    }

    private String amount(long cents) {
        // the live server sends PostgreSQL NUMERIC(18,4) text; the documentation shows numbers such as 94.50
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        return amountsAsStrings
                ? JsonText.str(amount.setScale(4, RoundingMode.UNNECESSARY).toPlainString())
                : amount.toPlainString();
    }

    private static final class Grant {
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
