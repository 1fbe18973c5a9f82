package com.balancehistory.application.model.report;

import java.time.Instant;
import java.util.Optional;

/** Which stored reports to list: by type and an as-of range {@code [from, to)}, newest first, at most {@code limit}. */
public record ReportFilter(Optional<String> type, Optional<Instant> from, Optional<Instant> to, int limit) {

    public static final int MAX_LIMIT = 500;

    public ReportFilter {
        type = type == null ? Optional.empty() : type;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit is between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
