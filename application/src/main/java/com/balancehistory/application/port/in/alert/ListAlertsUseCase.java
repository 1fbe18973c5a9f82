package com.balancehistory.application.port.in.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.domain.alert.AlertState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The alert lifecycle as recorded: active alerts and the history of firings and resolutions. */
public interface ListAlertsUseCase {

    int MAX_LIMIT = 1000;

    List<AlertState> active();

    /** Events with {@code occurredAt} in {@code [from, to)}, newest first, at most {@code limit}. */
    List<AlertEvent> history(Optional<Instant> from, Optional<Instant> to, int limit);
}
