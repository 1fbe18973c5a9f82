package com.balancehistory.application.port.in.report;

import java.util.List;

/** Runs the configured report schedules: each due slot once across all instances. */
public interface RunScheduledReportsUseCase {

    /** At start-up: makes one report per schedule whose slot was missed (with catch-up on), or skips missed slots. */
    List<StoredReport> catchUp();

    /** On every tick: makes the reports whose slot is due and claimed by this instance, then delivers them. */
    List<StoredReport> runDue();
}
