package com.balancehistory.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;

/**
 * Holyheld: the AI-agent card's EUR balance, which spends and gets topped up. Requests need
 * {@code Authorization: Bearer <token>}; errors are {@code {status: "error", errorCode, error}}, as Holyheld
 * documents its agent-balance route.
 */
final class HolyheldSimulation implements SimulatedProvider {

    private long balanceCents = 9420;

    @Override
    public synchronized void tick(Instant at, long hoursSinceStart, Random random) {
        if (random.nextInt(2) == 0) {
            balanceCents -= Math.min(balanceCents, random.nextInt(500));
        }
        if (balanceCents < 2000) {
            balanceCents += 5000;
        }
    }

    synchronized void setBalance(BigDecimal eur) {
        balanceCents = eur.movePointRight(2).longValueExact();
    }

    /** {@code GET /v4/ai-agents/balance}: 401 without a token, 403 with a wrong one. */
    synchronized Answer balance(RecordedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            return new Answer(
                    401,
                    "{\"status\":\"error\",\"errorCode\":\"AI_AUTHORIZATION_INVALID\","
                            + "\"error\":\"Authorization header missing\"}");
        }
        if (!("Bearer " + SimulatorCredentials.HOLYHELD_TOKEN).equals(authorization)) {
            return new Answer(
                    403,
                    "{\"status\":\"error\",\"errorCode\":\"AI_AUTHORIZATION_INVALID\","
                            + "\"error\":\"Token invalid or agent access disabled\"}");
        }
        return new Answer(
                200,
                "{\"status\":\"ok\",\"payload\":{\"balance\":" + JsonText.str(JsonText.cents(balanceCents)) + "}}");
    }
}
