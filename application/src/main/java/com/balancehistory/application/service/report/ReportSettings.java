package com.balancehistory.application.service.report;

import com.balancehistory.application.service.query.SourceIntervals;
import com.balancehistory.domain.analytics.HealthScale;
import com.balancehistory.domain.analytics.LowBalancePolicy;
import java.util.Objects;

/** What the allocation report needs from configuration: health tiers, low-balance rules and poll intervals. */
public record ReportSettings(HealthScale healthScale, LowBalancePolicy lowBalance, SourceIntervals intervals) {

    public ReportSettings {
        Objects.requireNonNull(healthScale, "healthScale");
        Objects.requireNonNull(lowBalance, "lowBalance");
        Objects.requireNonNull(intervals, "intervals");
    }
}
