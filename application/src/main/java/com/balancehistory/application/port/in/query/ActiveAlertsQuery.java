package com.balancehistory.application.port.in.query;

import java.util.List;

/**
 * The alerts active now, as the alert lifecycle recorded them (fired and not yet resolved). Evaluation happens after
 * every recorded poll and on the report tick, not on this call.
 */
public interface ActiveAlertsQuery {

    List<ActiveAlert> activeAlerts();
}
