package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.http.out.delivery.DirectoryDeliveryChannel;
import com.balancehistory.adapters.http.out.delivery.LogDeliveryChannel;
import com.balancehistory.adapters.http.out.report.JacksonReportRenderer;
import com.balancehistory.adapters.persistence.report.DeliveryAttemptRepository;
import com.balancehistory.adapters.persistence.report.JooqAsOfSnapshots;
import com.balancehistory.adapters.persistence.report.JooqDeliveryOutbox;
import com.balancehistory.adapters.persistence.report.JooqJobScheduleStore;
import com.balancehistory.adapters.persistence.report.MicronautDataDeliveryLog;
import com.balancehistory.adapters.persistence.report.MicronautDataReportStore;
import com.balancehistory.adapters.persistence.report.ReportRepository;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.in.report.StoredReport;
import com.balancehistory.application.service.fx.FxRateService;
import com.balancehistory.application.service.fx.FxSettings;
import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.application.service.report.DeliveryService;
import com.balancehistory.application.service.report.DeliverySettings;
import com.balancehistory.application.service.report.OutboxService;
import com.balancehistory.application.service.report.ReportSchedule;
import com.balancehistory.application.service.report.ReportService;
import com.balancehistory.application.service.report.ReportSettings;
import com.balancehistory.application.service.report.ScheduledReportService;
import com.balancehistory.application.testing.InMemoryFxRateStore;
import com.balancehistory.application.testing.MovingClock;
import com.balancehistory.bootstrap.ServiceTestSupport;
import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report schedules on a real PostgreSQL with a clock the test moves: a daily 06:00 UTC slot is made once however many
 * instances race for it, a slot missed while every instance was down is made exactly once at start-up (or skipped
 * with catch-up off), and a scheduled report lands in a delivery directory
 * through the delivery outbox.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSchedulesIT extends ServiceTestSupport {

    private static final UnaryOperator<Instant> DAILY_AT_SIX = now -> {
        Instant today = now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atTime(LocalTime.of(6, 0))
                .toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    };

    // the service's DSLContext and repositories (on one transaction manager); the service's own scheduling stays out
    @Inject
    DSLContext dsl;

    @Inject
    ReportRepository reportRepository;

    @Inject
    DeliveryAttemptRepository deliveryAttempts;

    private MovingClock clock;
    private String name;

    @Override
    protected Map<String, String> moreProperties() {
        // the service's own outbox worker would claim this test's deliveries, whose targets it does not know
        return Map.of("balance-history.outbox.every", "1h");
    }

    @BeforeEach
    void aScheduleOfItsOwn() {
        clock = new MovingClock(Instant.parse("2021-06-01T05:00:00Z"));
        name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One service instance: its own services and adapters, sharing only the database and the clock. */
    private ScheduledReportService instance(String claimant, boolean catchUp, List<DeliveryTarget> targets) {
        JacksonReportRenderer renderer = new JacksonReportRenderer();
        ReportService reports = new ReportService(
                new JooqAsOfSnapshots(dsl),
                new MicronautDataReportStore(reportRepository, dsl),
                renderer,
                new ReportSettings(
                        HealthScale.defaults(),
                        LowBalancePolicy.none(),
                        SourceIntervals.everySource(Duration.ofMinutes(5))),
                clock);
        return new ScheduledReportService(
                reports,
                new JooqJobScheduleStore(dsl),
                List.of(new ReportSchedule(name, "allocation", DAILY_AT_SIX, catchUp, targets)),
                clock,
                claimant,
                Duration.ofMinutes(2));
    }

    private int storedReports(String trigger) {
        return dsl.fetchOne("SELECT count(*) FROM report WHERE schedule_name = ? AND trigger = ?", name, trigger)
                .get(0, Integer.class);
    }

    @Test
    void two_instances_on_one_database_make_each_daily_slot_exactly_once() throws Exception {
        ScheduledReportService a = instance("instance-a", true, List.of());
        ScheduledReportService b = instance("instance-b", true, List.of());
        assertThat(a.runDue()).isEmpty(); // the first sight of the job schedules it for 06:00, not due yet

        ExecutorService ticking = Executors.newFixedThreadPool(2);
        List<Instant> slots = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            clock.set(Instant.parse("2021-06-01T06:00:30Z").plus(Duration.ofDays(day)));
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<StoredReport>>> ticks = new ArrayList<>();
            for (ScheduledReportService instance : List.of(a, b)) {
                Callable<List<StoredReport>> tick = () -> {
                    start.await();
                    return instance.runDue();
                };
                ticks.add(ticking.submit(tick));
            }
            List<StoredReport> made = new ArrayList<>();
            for (Future<List<StoredReport>> tick : ticks) {
                made.addAll(tick.get());
            }
            assertThat(made).as("day %d", day).singleElement().satisfies(report -> {
                assertThat(report.summary().trigger()).isEqualTo(ReportTrigger.SCHEDULE);
                slots.add(report.summary().scheduledFor().orElseThrow());
            });
            // a second tick later in the same slot makes nothing
            clock.set(clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(a.runDue()).isEmpty();
            assertThat(b.runDue()).isEmpty();
        }
        ticking.shutdown();

        assertThat(slots)
                .containsExactly(
                        Instant.parse("2021-06-01T06:00:00Z"),
                        Instant.parse("2021-06-02T06:00:00Z"),
                        Instant.parse("2021-06-03T06:00:00Z"),
                        Instant.parse("2021-06-04T06:00:00Z"),
                        Instant.parse("2021-06-05T06:00:00Z"));
        assertThat(storedReports("schedule")).isEqualTo(5);
    }

    @Test
    void a_slot_missed_while_every_instance_was_down_is_made_once_at_start_up() {
        assertThat(instance("before-the-outage", true, List.of()).runDue()).isEmpty();

        // down from 05:00 on June 1st to 09:00 on June 3rd: the slots of June 1st, 2nd and 3rd were missed
        clock.set(Instant.parse("2021-06-03T09:00:00Z"));
        ScheduledReportService a = instance("restarted-a", true, List.of());
        ScheduledReportService b = instance("restarted-b", true, List.of());
        List<StoredReport> madeByA = a.catchUp();
        List<StoredReport> madeByB = b.catchUp();

        List<StoredReport> made = new ArrayList<>(madeByA);
        made.addAll(madeByB);
        assertThat(made).singleElement().satisfies(report -> {
            assertThat(report.summary().trigger()).isEqualTo(ReportTrigger.CATCH_UP);
            assertThat(report.summary().scheduledFor()).contains(Instant.parse("2021-06-01T06:00:00Z"));
        });
        assertThat(a.catchUp()).isEmpty();
        assertThat(a.runDue()).isEmpty();
        assertThat(storedReports("catch_up")).isEqualTo(1);
        assertThat(storedReports("schedule")).isZero();

        clock.set(Instant.parse("2021-06-04T06:00:10Z"));
        assertThat(b.runDue())
                .singleElement()
                .satisfies(report -> assertThat(report.summary().trigger()).isEqualTo(ReportTrigger.SCHEDULE));
    }

    @Test
    void with_catch_up_off_a_missed_slot_is_skipped_at_start_up_and_the_next_one_runs_as_scheduled() {
        assertThat(instance("before-the-outage", false, List.of()).runDue()).isEmpty();

        clock.set(Instant.parse("2021-06-03T09:00:00Z"));
        ScheduledReportService restarted = instance("restarted", false, List.of());

        assertThat(restarted.catchUp()).isEmpty();
        assertThat(restarted.runDue()).isEmpty();
        assertThat(storedReports("catch_up") + storedReports("schedule")).isZero();

        clock.set(Instant.parse("2021-06-04T06:00:10Z"));
        assertThat(restarted.runDue())
                .singleElement()
                .satisfies(report ->
                        assertThat(report.summary().scheduledFor()).contains(Instant.parse("2021-06-04T06:00:00Z")));
    }

    @Test
    void a_scheduled_report_is_delivered_to_its_directory_as_json_csv_and_html_and_the_attempt_recorded(
            @TempDir Path directory) throws Exception {
        ScheduledReportService instance =
                instance("instance-a", true, List.of(new DeliveryTarget.Directory(directory.toString())));
        instance.runDue();
        clock.set(Instant.parse("2021-06-01T06:00:05Z"));

        StoredReport report = instance.runDue().get(0);
        try (var files = Files.list(directory)) {
            assertThat(files)
                    .as("nothing is delivered on the scheduling thread")
                    .isEmpty();
        }
        new OutboxService(
                        new JooqDeliveryOutbox(dsl),
                        new DeliveryService(
                                List.of(new DirectoryDeliveryChannel(), new LogDeliveryChannel()),
                                new MicronautDataDeliveryLog(deliveryAttempts),
                                DeliverySettings.defaults(),
                                clock,
                                wait -> {}),
                        List.of(new DeliveryTarget.Directory(directory.toString())),
                        OutboxService.Settings.defaults(),
                        "outbox-worker",
                        clock)
                .sendDue();

        String base = "report-allocation-" + report.id();
        assertThat(Files.readString(directory.resolve(base + ".json"))).isEqualTo(report.contentJson());
        assertThat(Files.readString(directory.resolve(base + ".csv"))).startsWith("section,currency,account_id");
        assertThat(Files.readString(directory.resolve(base + ".html"))).contains("Budget allocation report");
        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(base + ".json", base + ".csv", base + ".html");
        }
        assertThat(new MicronautDataDeliveryLog(deliveryAttempts).attempts("report", report.id()))
                .singleElement()
                .satisfies(attempt -> {
                    assertThat(attempt.channel()).isEqualTo("directory");
                    assertThat(attempt.succeeded()).isTrue();
                    assertThat(attempt.attempt()).isEqualTo(1);
                });
    }

    @Test
    void a_schedule_with_convert_to_stores_reports_with_the_converted_total_and_says_so_in_its_parameters() {
        JacksonReportRenderer renderer = new JacksonReportRenderer();
        ReportService reports = new ReportService(
                new JooqAsOfSnapshots(dsl),
                new MicronautDataReportStore(reportRepository, dsl),
                renderer,
                new ReportSettings(
                        HealthScale.defaults(),
                        LowBalancePolicy.none(),
                        SourceIntervals.everySource(Duration.ofMinutes(5))),
                clock,
                new FxRateService(new InMemoryFxRateStore(), FxSettings.none(), clock));
        ScheduledReportService scheduled = new ScheduledReportService(
                reports,
                new JooqJobScheduleStore(dsl),
                List.of(new ReportSchedule(
                        name,
                        "allocation",
                        DAILY_AT_SIX,
                        false,
                        List.of(),
                        java.util.Optional.empty(),
                        java.util.Optional.of(java.util.Currency.getInstance("EUR")))),
                clock,
                "instance-a",
                Duration.ofMinutes(2));
        assertThat(scheduled.runDue()).isEmpty();
        clock.set(Instant.parse("2021-06-01T06:00:30Z"));

        List<StoredReport> made = scheduled.runDue();

        assertThat(made).singleElement().satisfies(report -> {
            assertThat(report.content().convertedTotal()).hasValueSatisfying(converted -> {
                assertThat(converted.target().getCurrencyCode()).isEqualTo("EUR");
                assertThat(converted.asOf()).isEqualTo(report.content().asOf());
            });
            assertThat(report.contentJson()).contains("\"rounding\":\"half-even at target scale once\"");
            assertThat(report.summary().parameters()).containsEntry("convertTo", "EUR");
        });
    }

    @Test
    void a_schedule_convert_to_that_is_not_a_currency_is_refused_naming_the_key() {
        assertThat(ReportSchedules.convertTo("balance-history.reports.schedules.daily.convert-to", "EUR"))
                .contains(java.util.Currency.getInstance("EUR"));
        assertThat(ReportSchedules.convertTo("k", null)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReportSchedules.convertTo("balance-history.reports.schedules.daily.convert-to", "EURO"))
                .hasMessageStartingWith("balance-history.reports.schedules.daily.convert-to: ");
    }
}
