package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.AccountBalanceDetail;
import com.balancehistory.domain.analytics.HealthScore;
import com.balancehistory.domain.analytics.LowBalanceAssessment;
import com.balancehistory.domain.analytics.LowBalanceRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One account's latest balance with its health tier and low-balance state. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccountBalance")
public record AccountDetailResponse(BalanceItem balance, Health health, LowBalance lowBalance) {

    /** The health tier of the available balance; {@code UNRATED} (no score) without tiers for the currency. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Health")
    public record Health(
            @Schema(example = "GOOD") String tier, @Nullable Integer score, boolean rated) {
        static Health of(HealthScore score) {
            return new Health(
                    score.label(), score.score().isPresent() ? score.score().getAsInt() : null, score.isRated());
        }
    }

    /** Whether the balance is low under the configured rules, and why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LowBalance")
    public record LowBalance(
            @Schema(example = "low", description = "low, ok, no_rule or not_evaluable")
            String verdict,

            boolean low,
            @Nullable String threshold,

            @Schema(description = "account or currency") @Nullable
            String ruleScope,

            @Schema(example = "below 20 % of initial") @Nullable
            String rule,

            String reason) {
        static LowBalance of(LowBalanceAssessment assessment) {
            return new LowBalance(
                    assessment.verdict().name().toLowerCase(Locale.ROOT),
                    assessment.isLow(),
                    BalanceItem.amount(assessment.threshold()),
                    assessment
                            .scope()
                            .map(s -> s.name().toLowerCase(Locale.ROOT))
                            .orElse(null),
                    assessment.rule().map(LowBalance::describe).orElse(null),
                    assessment.reason());
        }

        private static String describe(LowBalanceRule rule) {
            if (rule instanceof LowBalanceRule.Absolute absolute) {
                return "below " + absolute.threshold();
            }
            if (rule instanceof LowBalanceRule.RunwayBelow runway) {
                return "runway below " + runway.minimum() + " at the burn over " + runway.window();
            }
            if (rule instanceof LowBalanceRule.PercentOfTotal total) {
                return "below " + total.percent().toPlainString() + " % of total";
            }
            return "below " + ((LowBalanceRule.PercentOfInitial) rule).percent().toPlainString() + " % of initial";
        }
    }

    public static AccountDetailResponse of(AccountBalanceDetail detail) {
        return new AccountDetailResponse(
                BalanceItem.of(detail.balance()), Health.of(detail.health()), LowBalance.of(detail.lowBalance()));
    }
}
