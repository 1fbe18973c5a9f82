package com.balancehistory.application.port.in.report;

/** Builds a report from the snapshots now and stores it. */
public interface GenerateReportUseCase {

    /** Builds and stores a report of {@code type} on an admin's request. */
    StoredReport generateNow(String type);
}
