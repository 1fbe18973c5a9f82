package com.balancehistory.application.port.out.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Summarises each completed UTC day of balances (open, close, min, max), again when late data reaches the day. */
public interface DailyRollup {

    /**
     * Rolls up every pending day before {@code now}'s UTC day.
     *
     * @return the days rolled up
     */
    List<LocalDate> rollUpCompletedDays(Instant now);
}
