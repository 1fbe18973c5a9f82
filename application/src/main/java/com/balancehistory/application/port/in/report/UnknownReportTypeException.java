package com.balancehistory.application.port.in.report;

import com.balancehistory.application.model.report.AllocationReport;

/** A report type this service cannot build (today only {@value AllocationReport#TYPE}). */
public final class UnknownReportTypeException extends RuntimeException {

    public UnknownReportTypeException(String type) {
        super("unknown report type '" + type + "' (known: " + AllocationReport.TYPE + ")");
    }
}
