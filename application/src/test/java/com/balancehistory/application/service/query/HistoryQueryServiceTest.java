package com.balancehistory.application.service.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.model.query.FailedPoll;
import com.balancehistory.application.port.in.query.BalanceHistory;
import com.balancehistory.application.port.in.query.HistoryBucket;
import com.balancehistory.application.port.in.query.HistoryBucketing;
import com.balancehistory.application.port.in.query.HistoryQuery;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.Account;
import com.balancehistory.domain.account.AccountId;
import com.balancehistory.domain.analytics.DepletionForecast;
import com.balancehistory.domain.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HistoryQueryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final FakeBalanceReadModel readModel = new FakeBalanceReadModel();
    private final Account account = Fixtures.budget("src", "b1", "Budget", "USD");
    private final HistoryQueryService service = new HistoryQueryService(
            readModel, QuerySettings.defaults().withMaxRawPoints(3), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_day_with_only_failed_polls_is_a_gap_and_a_day_without_polls_is_empty_never_zero() {
        readModel.add(account, Instant.parse("2026-11-17T08:00:00Z"), "100.00");
        readModel.add(account, Instant.parse("2026-11-17T20:00:00Z"), "70.00");
        readModel.fail("src", new FailedPoll(9, Instant.parse("2026-11-18T08:00:00Z"), SourceOutcome.RATE_LIMITED));
        readModel.add(account, Instant.parse("2026-11-20T08:00:00Z"), "60.00");

        BalanceHistory history = service.history(new HistoryQuery(
                        account.id(), Instant.parse("2026-11-17T00:00:00Z"), NOW, HistoryBucketing.DAY, UTC))
                .orElseThrow();

        assertThat(history.buckets())
                .extracting(HistoryBucket::status)
                .containsExactly(
                        HistoryBucket.Status.DATA,
                        HistoryBucket.Status.GAP,
                        HistoryBucket.Status.EMPTY,
                        HistoryBucket.Status.DATA);
        HistoryBucket first = history.buckets().get(0);
        assertThat(first.open()).contains(Money.parse("100", "USD"));
        assertThat(first.close()).contains(Money.parse("70", "USD"));
        assertThat(first.min()).contains(Money.parse("70", "USD"));
        assertThat(first.samples()).isEqualTo(2);
        assertThat(history.buckets().get(1).open()).isEmpty();
        assertThat(history.buckets().get(1).failedPolls()).isEqualTo(1);
        assertThat(history.gaps()).extracting(FailedPoll::outcome).containsExactly(SourceOutcome.RATE_LIMITED);
    }

    @Test
    void more_raw_points_than_allowed_is_refused_naming_the_bucket_parameter() {
        for (int i = 0; i < 4; i++) {
            readModel.add(account, NOW.minus(Duration.ofHours(i + 1)), "1.00");
        }
        HistoryQuery raw =
                new HistoryQuery(account.id(), NOW.minus(Duration.ofDays(1)), NOW, HistoryBucketing.RAW, UTC);

        assertThatThrownBy(() -> service.history(raw)).isInstanceOfSatisfying(InvalidQueryException.class, e -> {
            assertThat(e.parameter()).isEqualTo("bucket");
            assertThat(e.getMessage()).contains("range too large for raw points");
        });
        assertThat(service.history(new HistoryQuery(
                                account.id(), NOW.minus(Duration.ofHours(3)), NOW, HistoryBucketing.RAW, UTC))
                        .orElseThrow()
                        .points())
                .hasSize(3);
    }

    @Test
    void an_unknown_account_has_no_history_and_no_trend() {
        AccountId nobody = new AccountId("src.budget.nobody");
        assertThat(service.history(new HistoryQuery(nobody, NOW.minusSeconds(60), NOW, HistoryBucketing.RAW, UTC)))
                .isEmpty();
        assertThat(service.trend(nobody, Duration.ofDays(1))).isEmpty();
    }

    @Test
    void from_must_be_before_to() {
        assertThatThrownBy(() -> new HistoryQuery(account.id(), NOW, NOW, HistoryBucketing.RAW, UTC))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @Test
    void trend_uses_the_window_ending_now_and_projects_depletion() {
        readModel.add(account, NOW.minus(Duration.ofDays(40)), "5000.00");
        readModel.add(account, NOW.minus(Duration.ofDays(2)), "300.00");
        readModel.add(account, NOW.minus(Duration.ofDays(1)), "200.00");

        var trend =
                service.trend(account.id(), Duration.ofDays(30)).orElseThrow().trend();

        assertThat(trend.points()).hasSize(2);
        assertThat(trend.change()).contains(Money.parse("-100.00", "USD"));
        assertThat(trend.averageDailyBurn()).contains(Money.parse("100.00", "USD"));
        assertThat(trend.depletion().outlook()).isEqualTo(DepletionForecast.Outlook.PROJECTED);
        assertThat(trend.depletion().depletesAt()).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void a_window_that_is_not_positive_or_too_long_is_refused() {
        readModel.add(account, NOW, "1.00");
        assertThatThrownBy(() -> service.trend(account.id(), Duration.ZERO))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class,
                        e -> assertThat(e.parameter()).isEqualTo("window"));
        assertThatThrownBy(() -> service.trend(account.id(), Duration.ofDays(5000)))
                .isInstanceOf(InvalidQueryException.class);
    }
}
