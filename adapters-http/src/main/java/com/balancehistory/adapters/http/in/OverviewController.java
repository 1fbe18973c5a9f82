package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.dto.ConvertedTotalItem;
import com.balancehistory.adapters.http.in.dto.OverviewResponse;
import com.balancehistory.application.port.in.fx.ConvertTotalsUseCase;
import com.balancehistory.application.port.in.query.CurrencySummary;
import com.balancehistory.application.port.in.query.LabelGroupSummary;
import com.balancehistory.application.port.in.query.SummarizeBalancesUseCase;
import com.balancehistory.domain.account.Label;
import com.balancehistory.domain.money.MoneyBag;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The per-currency overview of the latest balances, by label group and converted on request. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "balances")
@ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_PARAMETER)
@ApiResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
public class OverviewController {

    private final SummarizeBalancesUseCase overview;
    private final ConvertTotalsUseCase conversion;
    private final Clock clock;

    public OverviewController(SummarizeBalancesUseCase overview, ConvertTotalsUseCase conversion, Clock clock) {
        this.overview = overview;
        this.conversion = conversion;
        this.clock = clock;
    }

    @Get("/overview")
    @Operation(
            operationId = "getOverview",
            summary = "Latest balances per currency",
            description = "count, total, average, highest, lowest, "
                    + "low-balance accounts and health tier counts per currency; never a total across currencies. "
                    + "label=key:value (repeatable, all must hold) selects accounts by their labels; groupBy=key adds "
                    + "groups: per value of that label, then the (unlabelled) group, per currency count, total, "
                    + "lowest and low-balance count. Low-balance counts apply every rule, runway rules (runway < 7d) "
                    + "with each account's burn. convertTo=<ISO code> adds convertedTotal: the currencies' totals "
                    + "in that currency with the configured and stored rates in force now (direct pairs only, never "
                    + "1:1), rounded once half-even at its scale; partial with missingCurrencies where a rate is "
                    + "missing; with groupBy each group gets its own convertedTotal too; an unknown code is a 400.")
    public OverviewResponse overview(
            @Parameter(
                            description =
                                    "key:value, repeatable: only accounts that have every one of these labels now",
                            example = "department:Marketing")
                    @QueryValue("label")
                    @Nullable
                    List<String> label,
            @Parameter(description = "a label key: group the accounts by its value", example = "department")
                    @QueryValue
                    @Nullable
                    String groupBy,
            @Parameter(
                            description = "an ISO 4217 code: add convertedTotal, the currencies' totals in it with "
                                    + "every rate used (pair, rate, date, source, stale), rounded once half-even at "
                                    + "its scale; partial, with the missing currencies, when a rate is missing",
                            example = "EUR")
                    @QueryValue
                    @Nullable
                    String convertTo) {
        List<Label> labels = Params.labels("label", label);
        Optional<String> key = Params.labelKey("groupBy", groupBy);
        Optional<Currency> target = Params.text("convertTo", convertTo).map(c -> Params.currency("convertTo", c));
        List<CurrencySummary> summaries = overview.overview(labels);
        Optional<List<LabelGroupSummary>> groups = key.map(k -> overview.overviewByLabel(k, labels));
        OverviewResponse response = groups.isEmpty()
                ? OverviewResponse.of(summaries)
                : OverviewResponse.of(summaries, key.get(), groups.get());
        if (target.isEmpty()) {
            return response;
        }
        // every total of this answer is converted with the rates in force at one instant
        Instant at = clock.instant();
        MoneyBag totals = MoneyBag.of(
                summaries.stream().map(summary -> summary.overview().total()).toList());
        response = response.withConvertedTotal(ConvertedTotalItem.of(conversion.convert(totals, target.get(), at)));
        if (groups.isEmpty()) {
            return response;
        }
        return response.withGroupConvertedTotals(groups.get().stream()
                .map(group -> ConvertedTotalItem.of(conversion.convert(
                        MoneyBag.of(group.currencies().stream()
                                .map(currency -> currency.overview().total())
                                .toList()),
                        target.get(),
                        at)))
                .toList());
    }
}
