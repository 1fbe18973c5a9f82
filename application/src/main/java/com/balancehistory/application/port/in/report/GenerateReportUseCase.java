package com.balancehistory.application.port.in.report;

import java.util.Optional;

/** Builds a report from the snapshots now and stores it. */
public interface GenerateReportUseCase {

    /** Builds and stores a report of {@code type} on an admin's request. */
    default StoredReport generateNow(String type) {
        return generateNow(type, Optional.empty());
    }

    /** As {@link #generateNow(String)}, with a per-label section grouped by {@code groupBy} when given. */
    StoredReport generateNow(String type, Optional<String> groupBy);
}
