package com.balancehistory.application.port.out.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Keeps the stored history's time partitions: made ahead of time, dropped only past a configured retention. */
public interface PartitionMaintenance {

    /** Creates the partitions of the current month and the {@code monthsAhead} following ones. */
    void createAhead(Instant now, int monthsAhead);

    /**
     * Drops the history partitions whose whole month lies more than {@code keepMonths} months before now.
     *
     * @return the names of the dropped partitions
     */
    List<String> dropOlderThan(Instant now, int keepMonths);

    /**
     * Drops the stored provider responses of every UTC day that ended more than {@code retention} before now.
     *
     * @return the names of the dropped partitions
     */
    List<String> dropRawResponsesOlderThan(Instant now, Duration retention);
}
