package com.balancehistory.application.port.in.alert;

import com.balancehistory.application.model.alert.AlertEvent;
import java.util.Collection;
import java.util.List;

/** Evaluates every alert rule against the latest recorded values, records what fired or resolved and notifies. */
public interface EvaluateAlertsUseCase {

    /**
     * Evaluates the alerts of every source, one source at a time. The events recorded by this evaluation (empty when
     * nothing changed).
     */
    List<AlertEvent> evaluate();

    /**
     * Evaluates only the alerts about {@code sources} (their accounts, card limits and staleness), as after a poll of
     * them: the other sources' accounts are not read.
     */
    List<AlertEvent> evaluate(Collection<String> sources);
}
