package com.balancehistory.application.port.in.query;

import java.util.List;

/**
 * The alerts active now. Today they are computed from the latest values on every call; a later alert lifecycle
 * (acknowledge, resolve, notify) replaces the implementation behind this port.
 */
public interface ActiveAlertsQuery {

    List<ActiveAlert> activeAlerts();
}
