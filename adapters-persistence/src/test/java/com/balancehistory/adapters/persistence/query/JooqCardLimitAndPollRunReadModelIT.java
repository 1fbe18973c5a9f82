package com.balancehistory.adapters.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.CardLimitsReading;
import com.balancehistory.application.port.out.FetchResult;
import com.balancehistory.application.port.out.RawResponse;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.AccountKind;
import com.balancehistory.domain.limit.LimitPeriod;
import com.balancehistory.domain.limit.LimitStatus;
import com.balancehistory.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JooqCardLimitAndPollRunReadModelIT {

    private static final Instant AT = Instant.parse("2026-05-10T08:00:00Z");

    private final QueryTestData data = new QueryTestData(QueryTestData.dailyTotal("500"));
    private final JooqCardLimitReadModel cards = new JooqCardLimitReadModel(QueryTestData.DSL_CONTEXT);
    private final JooqPollRunReadModel runs = new JooqPollRunReadModel(QueryTestData.DSL_CONTEXT);

    private long recordCard(String source, String cardId) {
        return data.record(
                AT,
                new FetchResult.Fetched(
                        source,
                        List.of(),
                        List.of(Fixtures.cardLimits(source, cardId, "125.00", "900.00", "2000.00", "10000.00")),
                        List.of(),
                        Set.of(),
                        List.of(new RawResponse("GET /cards", 200, "{}"))));
    }

    @Test
    void finds_a_card_by_provider_card_id_or_account_id_with_configured_totals() {
        String source = QueryTestData.uniqueSource();
        recordCard(source, "card-7");

        List<CardLimitsReading> byCardId = cards.findCards("card-7");
        List<CardLimitsReading> byAccountId = cards.findCards(source + ".card-limit.card-7");

        assertThat(byAccountId).hasSize(1);
        assertThat(byCardId).extracting(r -> r.card().id().value()).contains(source + ".card-limit.card-7");
        CardLimitsReading reading = byAccountId.get(0);
        assertThat(reading.card().kind()).isEqualTo(AccountKind.CARD_SPENDING_LIMIT);
        assertThat(reading.observedAt()).isEqualTo(AT);
        LimitStatus daily = reading.limits().status(LimitPeriod.DAILY).orElseThrow();
        assertThat(daily.remaining()).isEqualTo(Money.parse("125", "USD"));
        assertThat(daily.used()).contains(Money.parse("375", "USD"));
        assertThat(daily.utilization().orElseThrow()).isEqualByComparingTo("0.75");
        assertThat(reading.limits().status(LimitPeriod.WEEKLY).orElseThrow().total())
                .isEmpty();
        assertThat(cards.findCards("no-such-card")).isEmpty();
    }

    @Test
    void the_same_card_id_in_two_sources_finds_both() {
        String first = QueryTestData.uniqueSource();
        String second = QueryTestData.uniqueSource();
        String cardId = "shared-" + first;
        recordCard(first, cardId);
        recordCard(second, cardId);

        assertThat(cards.findCards(cardId)).hasSize(2);
    }

    @Test
    void reads_poll_runs_newest_first_with_per_source_outcomes() {
        String source = QueryTestData.uniqueSource();
        long ok = data.recordBalance(AT, source, "b1", "1.00", "USD");
        long failed = data.recordFailure(AT.plusSeconds(300), source);

        List<PollRunSummary> recent = runs.recentRuns(2);
        PollRunSummary run = runs.findRun(failed).orElseThrow();

        assertThat(recent).extracting(PollRunSummary::id).containsExactly(failed, ok);
        assertThat(run.sources()).singleElement().satisfies(result -> {
            assertThat(result.source()).isEqualTo(source);
            assertThat(result.outcome()).isEqualTo(SourceOutcome.FAILED);
        });
        assertThat(run.finishedAt()).contains(AT.plusSeconds(300));
        assertThat(runs.findRun(-1)).isEmpty();
    }
}
