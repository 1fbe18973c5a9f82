package com.balancehistory.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.adapters.persistence.report.MicronautDataReportStore;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.out.report.ReportStore.NewReport;
import com.balancehistory.application.port.out.report.ReportStore.Stored;
import com.balancehistory.bootstrap.ServiceTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reports stored through the Micronaut Data repository, with the outbox rows of their deliveries written by jOOQ in
 * the same transaction: read back whole, filtered, and never a report without its deliveries or deliveries without
 * their report.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautDataReportStoreIT extends ServiceTestSupport {

    private static final Instant AS_OF = Instant.parse("2026-11-30T23:59:59Z");

    @Inject
    MicronautDataReportStore store;

    @Inject
    DSLContext dsl;

    @Test
    void a_saved_report_reads_back_whole_with_its_parameters_and_its_deliveries_are_in_the_outbox() {
        String type = uniqueType();
        Map<String, String> parameters = Map.of(
                "group-by", "department",
                "note", "quote \" backslash \\ newline \n tab \t euro € snowman \u2603");
        NewReport report = new NewReport(
                type,
                AS_OF,
                AS_OF.plusSeconds(5),
                ReportTrigger.SCHEDULE,
                Optional.of("month-end"),
                Optional.of(AS_OF.plusSeconds(1)),
                parameters,
                "{\"total\":\"94.20\"}");

        ReportSummary saved = store.save(
                report,
                summary -> List.of(new OutboundDelivery(
                        new DeliveryPayload(
                                "report", summary.id(), "{\"id\":" + summary.id() + "}", Map.of("r.json", "{}")),
                        new DeliveryTarget.Log())));

        Stored found = store.find(saved.id()).orElseThrow();
        assertThat(found.summary()).isEqualTo(saved);
        assertThat(found.summary().parameters()).isEqualTo(parameters);
        assertThat(found.summary().schedule()).contains("month-end");
        assertThat(found.summary().trigger()).isEqualTo(ReportTrigger.SCHEDULE);
        // stored as jsonb: the same JSON, PostgreSQL's spacing
        assertThat(found.contentJson()).isEqualToIgnoringWhitespace("{\"total\":\"94.20\"}");
        assertThat(outboxRows(saved.id())).isEqualTo(1);
        assertThat(store.find(saved.id() + 1_000_000)).isEmpty();
    }

    @Test
    void when_announcing_the_deliveries_fails_neither_the_report_nor_any_delivery_is_stored() {
        String type = uniqueType();
        long[] announcedFor = new long[1];

        assertThatThrownBy(() -> store.save(newReport(type, AS_OF), summary -> {
                    announcedFor[0] = summary.id();
                    throw new IllegalStateException("the delivery targets could not be resolved");
                }))
                .hasMessageContaining("the delivery targets could not be resolved");

        assertThat(store.list(new ReportFilter(Optional.of(type), Optional.empty(), Optional.empty(), 10)))
                .isEmpty();
        assertThat(store.find(announcedFor[0])).isEmpty();
        assertThat(outboxRows(announcedFor[0])).isZero();
    }

    @Test
    void the_list_is_newest_first_within_the_filter_and_latest_before_takes_the_last_as_of_before_the_time() {
        String type = uniqueType();
        ReportSummary first = store.save(newReport(type, AS_OF.minusSeconds(7200)), summary -> List.of());
        ReportSummary second = store.save(newReport(type, AS_OF.minusSeconds(3600)), summary -> List.of());
        ReportSummary third = store.save(newReport(type, AS_OF), summary -> List.of());
        store.save(newReport(uniqueType(), AS_OF), summary -> List.of());

        assertThat(ids(store.list(new ReportFilter(Optional.of(type), Optional.empty(), Optional.empty(), 10))))
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(ids(store.list(new ReportFilter(Optional.of(type), Optional.empty(), Optional.empty(), 2))))
                .containsExactly(third.id(), second.id());
        assertThat(ids(store.list(new ReportFilter(
                        Optional.of(type),
                        Optional.of(AS_OF.minusSeconds(3600)),
                        Optional.of(AS_OF.minusSeconds(1)),
                        10))))
                .containsExactly(second.id());

        assertThat(store.latestBefore(type, AS_OF.minusSeconds(1)))
                .map(stored -> stored.summary().id())
                .contains(second.id());
        assertThat(store.latestBefore(type, AS_OF.minusSeconds(7201))).isEmpty();
    }

    private static String uniqueType() {
        return "store-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static NewReport newReport(String type, Instant asOf) {
        return new NewReport(
                type,
                asOf,
                asOf.plusSeconds(1),
                ReportTrigger.ON_DEMAND,
                Optional.empty(),
                Optional.empty(),
                Map.of("convert-to", "EUR"),
                "{}");
    }

    private static List<Long> ids(List<ReportSummary> summaries) {
        return summaries.stream().map(ReportSummary::id).toList();
    }

    private int outboxRows(long reportId) {
        return dsl.fetchOne(
                        "SELECT count(*) FROM delivery_outbox WHERE subject = 'report' AND subject_id = ?", reportId)
                .get(0, Integer.class);
    }
}
