package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.model.report.ReportTrigger;
import com.balancehistory.application.port.in.fx.ConvertTotalsUseCase;
import com.balancehistory.application.port.in.report.GenerateReportUseCase;
import com.balancehistory.application.port.in.report.QueryReportsUseCase;
import com.balancehistory.application.port.in.report.StoredReport;
import com.balancehistory.application.port.in.report.UnknownReportTypeException;
import com.balancehistory.application.port.out.report.AsOfSnapshots;
import com.balancehistory.application.port.out.report.ReportRenderer;
import com.balancehistory.application.port.out.report.ReportStore;
import com.balancehistory.application.service.query.DailyBurns;
import com.balancehistory.domain.money.ConvertedTotal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds allocation reports from the snapshots as of now (or as of a stored report's time), stores and reads them. */
public final class ReportService implements GenerateReportUseCase, QueryReportsUseCase {

    private final AsOfSnapshots snapshots;
    private final ReportStore store;
    private final ReportRenderer renderer;
    private final ReportSettings settings;
    private final Clock clock;
    private final ConvertTotalsUseCase conversion;
    private final DailyBurns burns;

    /** Reports without converted totals: a {@code convertTo} is refused. */
    public ReportService(
            AsOfSnapshots snapshots, ReportStore store, ReportRenderer renderer, ReportSettings settings, Clock clock) {
        this(snapshots, store, renderer, settings, clock, (totals, target, asOf) -> {
            throw new IllegalStateException("no exchange rates wired into this report service");
        });
    }

    /** Reports whose runway low-balance rules have no burn, so are not evaluable. */
    public ReportService(
            AsOfSnapshots snapshots,
            ReportStore store,
            ReportRenderer renderer,
            ReportSettings settings,
            Clock clock,
            ConvertTotalsUseCase conversion) {
        this(snapshots, store, renderer, settings, clock, conversion, DailyBurns.NONE);
    }

    /** {@code burns}: each account's burn, for runway low-balance rules ({@code "runway < 7d"}). */
    public ReportService(
            AsOfSnapshots snapshots,
            ReportStore store,
            ReportRenderer renderer,
            ReportSettings settings,
            Clock clock,
            ConvertTotalsUseCase conversion,
            DailyBurns burns) {
        this.burns = burns;
        this.conversion = conversion;
        this.snapshots = snapshots;
        this.store = store;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public StoredReport generateNow(String type, Optional<String> groupBy, Optional<Currency> convertTo) {
        return generate(
                type, ReportTrigger.ON_DEMAND, Optional.empty(), Optional.empty(), groupBy, convertTo, List.of());
    }

    /** Builds a report as of now against the previous stored one, and stores it. */
    public StoredReport generate(
            String type, ReportTrigger trigger, Optional<String> schedule, Optional<Instant> scheduledFor) {
        return generate(type, trigger, schedule, scheduledFor, Optional.empty());
    }

    /** As above, with a per-label section grouped by {@code groupBy} (a schedule's {@code group-by}) when given. */
    @Override
    public StoredReport generate(
            String type,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Optional<String> groupBy) {
        return generate(type, trigger, schedule, scheduledFor, groupBy, List.of());
    }

    @Override
    public StoredReport generate(
            String type,
            ReportTrigger trigger,
            Optional<String> schedule,
            Optional<Instant> scheduledFor,
            Optional<String> groupBy,
            Optional<Currency> convertTo,
            List<DeliveryTarget> deliverTo) {
        requireKnown(type);
        Instant asOf = clock.instant();
        Optional<AllocationReportBuilder.Previous> previous = store.latestBefore(type, asOf)
                .map(stored -> new AllocationReportBuilder.Previous(
                        stored.summary().id(), renderer.parseJson(stored.contentJson())));
        AllocationReport report = converted(
                AllocationReportBuilder.build(snapshots.at(asOf), settings, previous, groupBy, burns), convertTo);
        String json = renderer.json(report);
        Map<String, String> parameters = new LinkedHashMap<>(AllocationReportBuilder.parameters(settings, groupBy));
        convertTo.ifPresent(target -> parameters.put("convertTo", target.getCurrencyCode()));
        ReportSummary summary = store.save(
                new ReportStore.NewReport(
                        type, asOf, clock.instant(), trigger, schedule, scheduledFor, parameters, json),
                stored -> {
                    DeliveryPayload payload = ReportPayloads.of(new StoredReport(stored, report, json), renderer);
                    return deliverTo.stream()
                            .map(target -> new OutboundDelivery(payload, target))
                            .toList();
                });
        return new StoredReport(summary, report, json);
    }

    @Override
    public List<ReportSummary> list(ReportFilter filter) {
        return store.list(filter);
    }

    @Override
    public Optional<StoredReport> find(long id) {
        return store.find(id)
                .map(stored -> new StoredReport(
                        stored.summary(), renderer.parseJson(stored.contentJson()), stored.contentJson()));
    }

    @Override
    public Optional<AllocationReport> rebuild(long id) {
        return find(id).map(stored -> {
            AllocationReport original = stored.content();
            Optional<AllocationReportBuilder.Previous> previous = original.previousReportId()
                    .flatMap(store::find)
                    .map(p -> new AllocationReportBuilder.Previous(
                            p.summary().id(), renderer.parseJson(p.contentJson())));
            // the same grouping as the stored report, by the labels as they held at its as-of time
            // and the same reporting currency, with the rates in force at that time
            return converted(
                    AllocationReportBuilder.build(
                            snapshots.at(original.asOf()),
                            settings,
                            previous,
                            original.labelGroups().map(AllocationReport.LabelSection::key),
                            burns),
                    original.convertedTotal().map(ConvertedTotal::target));
        });
    }

    @Override
    public AllocationReport live(Optional<String> groupBy, Optional<Currency> convertTo) {
        Instant asOf = clock.instant();
        Optional<AllocationReportBuilder.Previous> previous = store.latestBefore(AllocationReport.TYPE, asOf)
                .map(stored -> new AllocationReportBuilder.Previous(
                        stored.summary().id(), renderer.parseJson(stored.contentJson())));
        return converted(
                AllocationReportBuilder.build(snapshots.at(asOf), settings, previous, groupBy, burns), convertTo);
    }

    /**
     * The report with its currencies' totals (and each label group's) in {@code convertTo} as of its own as-of time,
     * when one is given.
     */
    private AllocationReport converted(AllocationReport report, Optional<Currency> convertTo) {
        return convertTo
                .map(target -> report.withConvertedTotals(totals -> conversion.convert(totals, target, report.asOf())))
                .orElse(report);
    }

    private static void requireKnown(String type) {
        if (!AllocationReport.TYPE.equals(type)) {
            throw new UnknownReportTypeException(type);
        }
    }
}
