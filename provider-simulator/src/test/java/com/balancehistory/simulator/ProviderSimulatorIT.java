package com.balancehistory.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProviderSimulatorIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> get(ProviderSimulator sim, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] ahrvoHeaders(ProviderSimulator sim) {
        return new String[] {
            "Accept",
            "application/json",
            "Authorization",
            "Bearer " + sim.credentials().ahrvoAccessToken(),
            "x-api-key",
            sim.credentials().ahrvoApiKey()
        };
    }

    @Test
    void serves_the_documented_samples() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            String budgets =
                    get(sim, Endpoint.AHRVO_BUDGETS.path(), ahrvoHeaders(sim)).body();
            String card = get(
                            sim,
                            Endpoint.AHRVO_CARD_LIMITS.path() + "?card_id=card201907021723076245",
                            ahrvoHeaders(sim))
                    .body();
            String equals = get(
                            sim,
                            "/v2/budgets?accountId=F50091&limit=1&offset=0&include=balance",
                            "Authorization",
                            "ApiKey " + sim.credentials().equalsApiKey())
                    .body();
            String grant = get(
                            sim,
                            "/v1/budget/balance/grnt_01HXYZ",
                            "Authorization",
                            "Bearer " + sim.credentials().grantexApiKey())
                    .body();
            String holyheld = get(
                            sim,
                            "/v4/ai-agents/balance",
                            "Authorization",
                            "Bearer " + sim.credentials().holyheldToken())
                    .body();

            assertThat(budgets)
                    .startsWith(
                            "{\"code\":\"SUCCESS\",\"data\":[{\"budget_id\":\"ci202507232016182661\","
                                    + "\"budget_name\":\"Marketing Department Budget\",\"balance\":\"45250.75\",\"currency\":\"USD\"}")
                    .contains("\"currency\":\"EUR\"")
                    .contains("\"currency\":\"GBP\"");
            assertThat(card)
                    .isEqualTo("{\"code\":\"SUCCESS\",\"data\":{\"daily_limit\":\"1500.00\",\"weekly_limit\":"
                            + "\"5000.00\",\"monthly_limit\":\"18000.00\",\"lifetime_limit\":\"95000.00\"}}");
            assertThat(equals)
                    .startsWith(
                            "{\"limit\":1,\"offset\":0,\"count\":7,\"rows\":[{\"id\":\"775596ae-2624-40af-a9dc-9756110a4a03\"")
                    .contains("\"availableBalance\":10,")
                    .contains("\"ledgerBalance\":50,")
                    .contains("\"pendingBalance\":40,")
                    .contains("\"allocatedBalance\":10,");
            assertThat(grant)
                    .isEqualTo("{\"id\":\"ba_01HXYZ\",\"grantId\":\"grnt_01HXYZ\",\"initialBudget\":\"100.0000\","
                            + "\"remainingBudget\":\"94.5000\",\"currency\":\"USD\",\"createdAt\":\"2026-04-05T12:00:00.000Z\","
                            + "\"updatedAt\":\"2026-04-05T14:30:00.000Z\"}");
            assertThat(holyheld).isEqualTo("{\"status\":\"ok\",\"payload\":{\"balance\":\"94.20\"}}");
        }
    }

    @Test
    void answers_missing_or_wrong_credentials_with_the_documented_errors() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            HttpResponse<String> ahrvo = get(sim, Endpoint.AHRVO_BUDGETS.path());
            HttpResponse<String> equalsMissing = get(sim, "/v2/budgets?accountId=F50091");
            HttpResponse<String> equalsWrong = get(sim, "/v2/budgets?accountId=F50091", "Authorization", "ApiKey nope");
            HttpResponse<String> grantex = get(sim, "/v1/budget/balance/grnt_01HXYZ", "Authorization", "Bearer nope");
            HttpResponse<String> grantMissing = get(
                    sim,
                    "/v1/budget/balance/grnt_nope",
                    "Authorization",
                    "Bearer " + sim.credentials().grantexApiKey());
            HttpResponse<String> holyheldMissing = get(sim, "/v4/ai-agents/balance");
            HttpResponse<String> holyheldWrong = get(sim, "/v4/ai-agents/balance", "Authorization", "Bearer nope");
            HttpResponse<String> noCard =
                    get(sim, Endpoint.AHRVO_CARD_LIMITS.path() + "?card_id=card1", ahrvoHeaders(sim));
            HttpResponse<String> badCard = get(sim, Endpoint.AHRVO_CARD_LIMITS.path(), ahrvoHeaders(sim));

            assertThat(ahrvo.statusCode()).isEqualTo(401);
            assertThat(equalsMissing.statusCode()).isEqualTo(401);
            assertThat(equalsWrong.statusCode()).isEqualTo(403);
            assertThat(grantex.statusCode()).isEqualTo(401);
            assertThat(grantex.body()).contains("\"code\":\"UNAUTHORIZED\"").contains("\"requestId\":\"req_");
            assertThat(grantMissing.statusCode()).isEqualTo(404);
            assertThat(grantMissing.body()).contains("\"code\":\"NOT_FOUND\"");
            assertThat(holyheldMissing.statusCode()).isEqualTo(401);
            assertThat(holyheldMissing.body())
                    .isEqualTo("{\"status\":\"error\",\"errorCode\":\"AI_AUTHORIZATION_INVALID\","
                            + "\"error\":\"Authorization header missing\"}");
            assertThat(holyheldWrong.statusCode()).isEqualTo(403);
            assertThat(noCard.statusCode()).isEqualTo(404);
            assertThat(badCard.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void evolves_deterministically_with_the_seed_however_time_is_advanced() throws Exception {
        try (ProviderSimulator a =
                        ProviderSimulator.start(SimulatorSettings.defaults().withSeed(7));
                ProviderSimulator b =
                        ProviderSimulator.start(SimulatorSettings.defaults().withSeed(7))) {
            String before = snapshot(a);
            a.advance(Duration.ofDays(3));
            for (int i = 0; i < 72 * 4; i++) {
                b.advance(Duration.ofMinutes(15));
            }

            String after = snapshot(a);
            assertThat(after).isNotEqualTo(before).isEqualTo(snapshot(b));
            assertThat(a.simulatedNow()).isEqualTo(SimulatorSettings.DEFAULT_START.plus(Duration.ofDays(3)));
            Matcher amounts = Pattern.compile(
                            "\"(balance|daily_limit|weekly_limit|monthly_limit|lifetime_limit)\":\"([^\"]*)\"")
                    .matcher(after);
            int seen = 0;
            while (amounts.find()) {
                assertThat(amounts.group(2)).matches("\\d+\\.\\d{2}");
                seen++;
            }
            assertThat(seen).isGreaterThan(10);
        }
    }

    private static String snapshot(ProviderSimulator sim) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(get(sim, Endpoint.AHRVO_BUDGETS.path(), ahrvoHeaders(sim)).body());
        for (String card : sim.credentials().ahrvoCardIds()) {
            out.append(get(sim, Endpoint.AHRVO_CARD_LIMITS.path() + "?card_id=" + card, ahrvoHeaders(sim))
                    .body());
        }
        out.append(get(
                        sim,
                        "/v2/budgets?accountId=F50091&limit=100&include=balance",
                        "Authorization",
                        sim.credentials().equalsApiKey())
                .body());
        for (String grant : sim.credentials().grantIds()) {
            out.append(get(
                            sim,
                            "/v1/budget/balance/" + grant,
                            "Authorization",
                            "Bearer " + sim.credentials().grantexApiKey())
                    .body());
        }
        out.append(get(
                        sim,
                        "/v4/ai-agents/balance",
                        "Authorization",
                        "Bearer " + sim.credentials().holyheldToken())
                .body());
        return out.toString();
    }

    @Test
    void answers_queued_faults_in_order_and_records_every_request() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start()) {
            sim.faults()
                    .next(
                            Endpoint.HOLYHELD_BALANCE,
                            2,
                            Fault.status(500).body("{\"status\":\"error\"}").retryAfter("1"));
            String[] auth = {"Authorization", "Bearer " + sim.credentials().holyheldToken()};

            HttpResponse<String> first = get(sim, "/v4/ai-agents/balance", auth);
            HttpResponse<String> second = get(sim, "/v4/ai-agents/balance", auth);
            HttpResponse<String> third = get(sim, "/v4/ai-agents/balance?x=1", auth);

            assertThat(first.statusCode()).isEqualTo(500);
            assertThat(first.headers().firstValue("Retry-After")).contains("1");
            assertThat(second.statusCode()).isEqualTo(500);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(sim.requests().of(Endpoint.HOLYHELD_BALANCE)).hasSize(3);
            RecordedRequest last = sim.requests().all().get(2);
            assertThat(last.rawQuery()).isEqualTo("x=1");
            assertThat(last.queryParam("x")).isEqualTo("1");
            assertThat(last.header("AUTHORIZATION"))
                    .isEqualTo("Bearer " + sim.credentials().holyheldToken());
            assertThat(sim.requests().maxInFlight(Endpoint.HOLYHELD_BALANCE)).isEqualTo(1);
            assertThat(sim.requests().maxPerSecond(Endpoint.HOLYHELD_BALANCE)).isBetween(1, 3);
        }
    }
}
