package com.balancehistory.application.port.in.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import java.util.List;

/** Evaluates every alert rule against the latest recorded values, records what fired or resolved and notifies. */
public interface EvaluateAlertsUseCase {

    /** The events recorded by this evaluation (empty when nothing changed). */
    List<AlertEvent> evaluate();
}
